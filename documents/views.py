"""Public document pages and the download.

Every view starts from `Document.objects.visible_to(user)`: a leaders-only document is
a 404 for anyone else, never a 403 that admits it exists.
"""

from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from documents.forms import DocumentFilterForm
from documents.models import Document
from mattran.lib.text import strip_diacritics

PAGE_SIZE = 20


@require_safe
def document_list(request):
    documents = Document.objects.visible_to(request.user)
    years, issuers = documents.filter_choices()
    form = DocumentFilterForm(request.GET or None, years=years, issuers=issuers)
    page = Paginator(form.filter(documents).for_listing(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "documents/document_list.html",
        {"form": form, "page_obj": page, "pagination_query": form.query_string()},
    )


@require_safe
def document_detail(request, slug):
    document = get_object_or_404(Document.objects.visible_to(request.user), slug=slug)
    response = render(request, "documents/document_detail.html", {"document": document})
    if not document.is_public:
        # What only leaders see must never sit in a shared cache for the next visitor.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def document_download(request, slug):
    document = get_object_or_404(
        Document.objects.visible_to(request.user).only(
            "pk", "number", "summary", "file", "file_type", "visibility", "is_published"
        ),
        slug=slug,
    )
    response = file_response(document)
    # Counted in the database, not in Python: two readers at once both count.
    Document.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)
    return response


def file_response(document):
    """The document's file as a download under its readable name (also used by the
    admin, whose staff may check any document's file)."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("Tệp không còn trên máy chủ.") from missing
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(document.download_name)
    response["X-Content-Type-Options"] = "nosniff"
    if not document.is_public:
        # Leaders' papers must not stay in a shared or proxy cache.
        response["Cache-Control"] = "private, no-store"
    return response


def content_disposition(filename):
    """An ASCII name for old clients and the Vietnamese one (RFC 5987/6266) for the rest:
    `attachment; filename="45-TB-MTTQ Ke hoach.pdf"; filename*=utf-8''45-TB-MTTQ%20K%E1…`."""
    ascii_name = strip_diacritics(filename).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("\\", "").replace('"', "")
    plain = content_disposition_header(True, ascii_name)
    if ascii_name == filename:
        return plain
    rich = content_disposition_header(True, filename)  # attachment; filename*=utf-8''…
    return f"{plain}; {rich.removeprefix('attachment; ')}"
