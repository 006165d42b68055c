"""Staff see a draft exactly as residents will, at an address residents cannot open."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from mattran.roles import staff_areas
from news.models import Article


def article_preview(request, pk):
    # Residents and staff without the right get the same "not found" as for a
    # draft's public address: nothing tells them the article exists.
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("news.change_article")):
        raise Http404
    articles = Article.objects.select_related("category").prefetch_related("tags")
    areas = staff_areas(user)
    if areas is not None:  # an area's board previews its own areas' articles only
        articles = articles.filter(area__in=areas)
    article = get_object_or_404(articles, pk=pk)
    related = (
        Article.objects.published()
        .filter(category_id=article.category_id)
        .exclude(pk=article.pk)
        .for_listing()
        .newest_first()[:4]
    )
    response = render(
        request,
        "news/article_detail.html",
        {"article": article, "related": related, "is_preview": True},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
