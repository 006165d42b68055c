from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="index"),
    path("lich.ics", views.calendar, name="calendar"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/ban-in/", views.meeting_print, name="print"),
    path("<slug:slug>/tai-lieu/<int:pk>/", views.attachment, name="attachment"),
]
