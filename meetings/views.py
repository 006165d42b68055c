from django.shortcuts import render


def index(request):
    return render(request, "meetings/meeting_list.html")
