from django.urls import path

from portal import committee

app_name = "committee"

urlpatterns = [
    path("", committee.committee, name="index"),
]
