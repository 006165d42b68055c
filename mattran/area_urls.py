from django.urls import path

from mattran import areas

app_name = "areas"

urlpatterns = [
    path("", areas.index, name="index"),
    path("<slug:slug>/", areas.detail, name="detail"),
]
