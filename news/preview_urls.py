from django.urls import path

from news.preview import article_preview

app_name = "news_preview"

urlpatterns = [path("<int:pk>/", article_preview, name="article")]
