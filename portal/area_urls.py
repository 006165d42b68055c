from django.urls import path

from portal import areas

app_name = "areas"

urlpatterns = [
    path("", areas.index, name="index"),
    path("<slug:slug>/", areas.detail, name="detail"),
]
