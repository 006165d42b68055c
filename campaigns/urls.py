from django.urls import path, register_converter

from campaigns import views

app_name = "campaigns"


class FileFormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FileFormatConverter, "file_format")

urlpatterns = [
    path("", views.index, name="index"),
    path("nam/<int:year>/", views.year, name="year"),
    path(
        "nam/<int:year>/tong-hop.<file_format:file_format>", views.year_summary, name="year_summary"
    ),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/xuat.<file_format:file_format>", views.export, name="export"),
    path("<slug:slug>/tong-hop.<file_format:file_format>", views.summary, name="summary"),
]
