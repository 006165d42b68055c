"""/gioi-thieu/: the index of the static pages and each page with its side menu."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from pages.models import Page


@require_safe
def index(request):
    pages = Page.objects.published().in_menu_order().only("title", "slug", "body")
    return render(request, "pages/page_list.html", {"pages": pages})


@require_safe
def detail(request, slug):
    pages = Page.objects.all() if request.user.is_staff else Page.objects.published()
    page = get_object_or_404(pages, slug=slug)
    if not page.is_published and not request.user.has_perm("pages.view_page"):
        raise Http404
    return render(
        request,
        "pages/page_detail.html",
        {"page": page, "side_menu": Page.objects.side_menu()},
    )
