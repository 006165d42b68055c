from django.urls import path

from mattran import committee

app_name = "committee"

urlpatterns = [
    path("", committee.committee, name="index"),
]
