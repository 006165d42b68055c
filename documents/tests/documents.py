"""Test data for documents: real (tiny) PDF and DOCX bytes, and a maker."""

import datetime
import io
import zipfile

from django.core.files.base import ContentFile

from documents.models import Document
from mattran.lib import files

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes():
    """The smallest archive Word's format needs: the content types and the body part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải văn bản Word")
    return buffer.getvalue()


def make_document(
    number="45/TB-MTTQ",
    summary="Thông báo lịch tiếp công dân",
    kind=Document.Kind.NOTICE,
    issuer="Ban Thường trực Ủy ban MTTQ phường",
    issued_on=datetime.date(2024, 7, 8),
    visibility=Document.Visibility.PUBLIC,
    content=PDF_BYTES,
    filename="van-ban.pdf",
    is_published=True,
):
    document = Document(
        number=number,
        summary=summary,
        kind=kind,
        issuer=issuer,
        issued_on=issued_on,
        visibility=visibility,
        is_published=is_published,
        file_type=files.sniff(ContentFile(content)) or "",
    )
    document.file.save(filename, ContentFile(content, name=filename), save=False)
    document.save()
    return document
