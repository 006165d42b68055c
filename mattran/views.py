"""The portal's own pages: home, search, robots.txt and the error pages."""

from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET


@require_GET
def home(request):
    return render(request, "mattran/home.html")


@require_GET
def search(request):
    return render(request, "mattran/search.html", {"query": request.GET.get("q", "")})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /quan-tri/",
        "Disallow: /tai-khoan/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    # No context processors: the database may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))
