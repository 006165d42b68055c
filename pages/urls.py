from django.urls import path

from pages import views as page_views

app_name = "pages"

urlpatterns = [
    path("", page_views.index, name="index"),
    path("<slug:slug>/", page_views.detail, name="detail"),
]
