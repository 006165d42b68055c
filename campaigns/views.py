from django.shortcuts import render


def index(request):
    return render(request, "campaigns/campaign_list.html")
