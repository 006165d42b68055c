from django.urls import path

from news import views
from news.feeds import LatestArticlesFeed

app_name = "news"

urlpatterns = [
    path("tin-tuc/", views.ArticleListView.as_view(), name="index"),
    path("rss/", LatestArticlesFeed(), name="rss"),
    path("tin-tuc/<slug:slug>/", views.slug_dispatch, name="slug"),
]
