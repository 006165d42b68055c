"""A storage error while staff save an upload: nothing half-saved, a Vietnamese error,
the form kept.

The admin saves a change form inside one transaction; `StorageErrorAdminMixin` runs
that under `discard_new_files_on_error()`, so when a write fails (a full disk, an
unreachable object store) the rows are rolled back *and* the files already written for
the same save (a photo before its renditions, a paper before the next inline) are
deleted. The form is then shown again with what was typed (a browser never re-sends a
chosen file: that field alone must be picked again) and the error on top.
"""

import logging

from django.core.exceptions import ValidationError

from mattran.lib.storage import STORAGE_ERRORS, discard_new_files_on_error

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "Không lưu được tệp tải lên do lỗi lưu trữ trên máy chủ (ổ đĩa đầy hoặc kho lưu trữ "
    "không phản hồi). Chưa có gì được lưu; hãy chọn lại tệp và bấm Lưu lần nữa, nếu vẫn "
    "lỗi xin báo quản trị hệ thống."
)


class StorageErrorAdminMixin:
    """First in the bases of a ModelAdmin whose form or inlines take files."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            with discard_new_files_on_error():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except STORAGE_ERRORS:
            logger.exception("Storage failed while saving %s", request.path)
        # Again, with the same data, refused by get_form() below: rendered, never saved.
        request._storage_failed = True
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "_storage_failed", False):
            return base

        class StorageFailedForm(base):
            def clean(self):
                super().clean()
                raise ValidationError(STORAGE_FAILED, code="storage")

        return StorageFailedForm
