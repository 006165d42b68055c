"""Documents in the admin. django-reversion keeps a revision of every save, so an edit
can be rolled back and a deleted document recovered (its file stays in storage)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html

from documents.models import Document
from documents.views import file_response
from mattran import roles
from mattran.admin_rights import GuardedVersionAdmin, InternalRecordsAdmin, PublishGateAdmin
from mattran.admin_styles import StaffStylesAdmin
from mattran.lib.concurrency import ConcurrentEditAdmin
from mattran.lib.upload_errors import StorageErrorAdminMixin


class _StoredFile:
    """What the file widget shows for a saved document: its readable name, linked to
    the admin's own file view (the private storage has no public URL, and the public
    download would count staff and refuse leaders-only files to non-leaders)."""

    def __init__(self, document):
        self.url = reverse("admin:documents_document_file", args=[document.pk])
        self.label = f"{document.download_name} ({document.size_label})"

    def __str__(self):
        return self.label


class DocumentFileInput(forms.ClearableFileInput):
    document = None

    def _saved(self, value):
        return bool(value) and self.document is not None and self.document.pk is not None

    def is_initial(self, value):
        # Django's asks the file for its URL, which the private storage refuses to give.
        return self._saved(value) or super().is_initial(value)

    def format_value(self, value):
        if self._saved(value):
            return _StoredFile(self.document)
        return super().format_value(value)


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "number",
            "kind",
            "issuer",
            "issued_on",
            "summary",
            "file",
            "visibility",
            "is_published",
            "slug",
        ]
        widgets = {
            "file": DocumentFileInput(attrs={"accept": ".pdf,.docx"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" not in self.fields:
            return  # a read-only form (a published document, opened by an editor)
        self.fields["file"].widget.document = self.instance
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Để trống: tạo từ số ký hiệu và trích yếu."


@admin.register(Document)
class DocumentAdmin(
    StaffStylesAdmin,
    InternalRecordsAdmin,
    PublishGateAdmin,
    StorageErrorAdminMixin,
    ConcurrentEditAdmin,
    GuardedVersionAdmin,
):
    form = DocumentAdminForm
    publish_permission = roles.PUBLISH_DOCUMENT
    list_display = [
        "number",
        "summary",
        "kind",
        "issuer",
        "issued_on",
        "visibility",
        "is_published",
        "downloads",
    ]
    list_display_links = ["number", "summary"]
    list_filter = ["is_published", "kind", "visibility", "issuer"]
    # A document has no foreign key: the changelist is one query for its rows.
    list_select_related = []
    list_per_page = 50
    search_fields = ["number", "summary", "issuer"]
    search_help_text = (
        "Tìm theo số ký hiệu, trích yếu hoặc cơ quan ban hành (có dấu hay không dấu)."
    )
    date_hierarchy = "issued_on"
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    readonly_fields = ["download_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["number", "kind", "issuer", "issued_on", "summary"]}),
        ("Tệp và hiển thị", {"fields": ["file", "visibility", "is_published", "slug"]}),
        ("Thống kê", {"fields": ["download_count", "created_at", "updated_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, Django would ask the private storage for the file's URL (a 500).
        return [
            (name, {**options, "fields": [self._shown(f) for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @staticmethod
    def _shown(field):
        return "stored_file" if field == "file" else field

    @admin.display(description="tệp văn bản")
    def stored_file(self, document):
        stored = _StoredFile(document)
        return format_html('<a href="{}">{}</a>', stored.url, stored.label)

    @admin.display(description="lượt tải", ordering="download_count")
    def downloads(self, document):
        return document.download_count

    def get_urls(self):
        file_view = self.admin_site.admin_view(self.file_view)
        return [
            path("<int:pk>/tep/", file_view, name="documents_document_file"),
            *super().get_urls(),
        ]

    def file_view(self, request, pk):
        """Staff who may view a document open its file, uncounted."""
        document = self.get_queryset(request).filter(pk=pk).first()
        if document is None:
            raise Http404("Không có văn bản này.")
        if not self.has_view_permission(request, document):
            raise PermissionDenied
        return file_response(document)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("search_text")

    def get_search_results(self, request, queryset, search_term):
        # Also by the folded text, so "ke hoach" finds "Kế hoạch".
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results |= queryset.search(search_term)
        return results, may_have_duplicates
