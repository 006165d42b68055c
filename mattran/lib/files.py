"""Uploaded papers (PDF, DOCX): recognised by their bytes, kept out of MEDIA_ROOT.

A file's name and the browser's content type are whatever the sender says; the first
bytes are not. A PDF starts with "%PDF-"; a DOCX is a zip archive holding
"[Content_Types].xml" and "word/document.xml" (a renamed .xlsx or .zip has no such
part). The archive's directory is read, never its contents, so a zip bomb costs nothing.

Papers live in PRIVATE_MEDIA_ROOT and are served only by views that ask who is reading.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.utils.deconstruct import deconstructible

from mattran.lib.storage import CleanFileSystemStorage

PDF = "pdf"
DOCX = "docx"

CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LABELS = {PDF: "PDF", DOCX: "Word (DOCX)"}

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_DOCX_PARTS = {"[Content_Types].xml", "word/document.xml"}


class PrivateStorage(CleanFileSystemStorage):
    """Files kept outside MEDIA_ROOT, so the web server can never hand them out by
    itself; they are served only by a view that asks who is reading. The folder is
    read from settings on each use, so tests can move it."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


_private_storage = PrivateStorage()


def private_storage():
    # MEDIA_STORAGE=s3 configures a "private" storage: a private bucket (settings).
    if "private" in settings.STORAGES:
        return storages["private"]
    return _private_storage


def sniff(upload):
    """PDF, DOCX or None, from the file's bytes; the file is left at its start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(_PDF_MAGIC):
        return PDF
    if head.startswith(_ZIP_MAGIC) and _is_docx(upload):
        return DOCX
    return None


def _is_docx(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return names >= _DOCX_PARTS


def megabytes(size):
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")


@deconstructible
class FileCheck:
    """Validator: the file is one of `kinds` by its content and at most `max_bytes`
    (an int, or the name of a setting read at each check so it can change without a
    migration)."""

    def __init__(self, kinds, max_bytes):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def limit(self):
        if isinstance(self.max_bytes, str):
            return getattr(settings, self.max_bytes)
        return self.max_bytes

    def __call__(self, upload):
        limit = self.limit()
        if upload.size > limit:
            raise ValidationError(
                f"Tệp quá lớn ({megabytes(upload.size)} MB); tối đa {megabytes(limit)} MB.",
                code="too_large",
            )
        if sniff(upload) not in self.kinds:
            wanted = " hoặc ".join(LABELS[kind] for kind in self.kinds)
            raise ValidationError(
                f"Tệp không phải {wanted} (đã kiểm tra nội dung tệp, không chỉ đuôi tên). "
                f"Hãy lưu tài liệu dưới dạng {wanted} rồi tải lên.",
                code="wrong_type",
            )

    def __eq__(self, other):
        return (
            isinstance(other, FileCheck)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )
