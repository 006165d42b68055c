from django.urls import path, register_converter

from news import views
from news.converters import IsoDateConverter
from news.feeds import LatestArticlesFeed

register_converter(IsoDateConverter, "isodate")

app_name = "news"

urlpatterns = [
    path("tin-tuc/", views.ArticleListView.as_view(), name="index"),
    path("tin-tuc/ngay/", views.by_date_form, name="by_date_form"),
    path("tin-tuc/ngay/<isodate:day>/", views.ArticlesOnDayView.as_view(), name="by_date"),
    path("tin-tuc/<slug:slug>/", views.slug_dispatch, name="slug"),
    path("tin-tuc/<slug:slug>/ban-in/", views.article_print, name="print"),
    path("tin-tuc/<slug:slug>/luot-xem/", views.count_view, name="count_view"),
    path("the/<str:tag>/", views.TagView.as_view(), name="tag"),
    path("rss/", LatestArticlesFeed(), name="rss"),
]
