"""A URLconf for the page-cache test: a page under /tin-tuc/ that counts its views,
as the public article page does."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from news.models import Article


def counted_page(request, pk):
    article = get_object_or_404(Article, pk=pk)
    article.count_view()
    return HttpResponse(article.title)


urlpatterns = [path("tin-tuc/dem/<int:pk>/", counted_page)]
