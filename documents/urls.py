"""/van-ban/: the committee's documents (included by mattran/urls.py)."""

from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="index"),
    path("<slug:slug>/", views.document_detail, name="detail"),
    path("<slug:slug>/tai-ve/", views.document_download, name="download"),
]
