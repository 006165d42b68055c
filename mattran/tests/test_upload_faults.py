"""A storage error in the middle of an upload: no half record, no orphan file, a
Vietnamese error, and the form keeps what was typed (except the file itself, which no
browser sends again).

`storage_fails(at=n)` makes the n-th file write fail half-way, the way a full disk does:
half the bytes land, then OSError. Earlier writes of the same save succeed, so a
failure at the third write leaves a stored cover and one rendition to clean up.
"""

import contextlib
import errno
import os
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document
from documents.tests.documents import PDF_BYTES
from mattran.lib.upload_errors import STORAGE_FAILED
from mattran.tests import photos
from meetings.models import Attachment
from meetings.tests.admin_forms import post_form
from news.models import Article
from news.tests.editing import ADD_URL, UPLOAD_URL, article_form, grant_news_permissions

pytestmark = pytest.mark.django_db

EDITOR_FAILED = "Máy chủ không lưu được ảnh (lỗi lưu trữ). Xin thử lại sau ít phút."


@contextlib.contextmanager
def storage_fails(at=1):
    real_save = FileSystemStorage._save
    calls = []

    def save(self, name, content):
        calls.append(name)
        if len(calls) != at:
            return real_save(self, name, content)
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = b"".join(content.chunks())
        with open(path, "wb") as half:
            half.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    with mock.patch.object(FileSystemStorage, "_save", save):
        yield calls


def files_under(root):
    root = Path(root)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def writer(client, editor):
    grant_news_permissions(editor)
    client.force_login(editor)
    return client


# News cover in the admin: the photo, then its three renditions ----------------------


@pytest.mark.parametrize("at", [1, 2, 4], ids=["cover", "first-rendition", "last-rendition"])
def test_a_cover_that_cannot_be_stored_saves_nothing_and_keeps_the_form(writer, category, at):
    form = article_form(category, title="Tin có ảnh bị lỗi lưu", sapo="Tóm tắt đã gõ", cover=None)
    form["cover"] = photos.photo(width=1600, height=1000)
    with storage_fails(at=at) as writes:
        response = writer.post(ADD_URL, form)
    assert len(writes) == at  # the failure happened where this case says
    page = response.content.decode()
    assert response.status_code == 200
    assert STORAGE_FAILED in page
    assert 'value="Tin có ảnh bị lỗi lưu"' in page and "Tóm tắt đã gõ" in page
    assert not Article.objects.exists()
    assert files_under(django_settings.MEDIA_ROOT) == []


def test_after_a_storage_error_the_same_form_saves_once_storage_works(writer, category):
    form = article_form(category, title="Tin lưu lại", cover=None)
    form["cover"] = photos.photo(width=1600, height=1000)
    with storage_fails(at=2):
        writer.post(ADD_URL, form)
    form["cover"] = photos.photo(width=1600, height=1000)
    assert writer.post(ADD_URL, form).status_code == 302
    article = Article.objects.get()
    stored = files_under(django_settings.MEDIA_ROOT)
    assert len(stored) == 4 and article.cover.name in stored


# The editor's image upload ------------------------------------------------------------


@pytest.mark.parametrize("at", [1, 3])
def test_an_editor_upload_that_cannot_be_stored_leaves_no_file(writer, at):
    with storage_fails(at=at):
        response = writer.post(UPLOAD_URL, {"upload": photos.photo(width=1600, height=1000)})
    assert response.status_code == 503
    assert response.json() == {"error": {"message": EDITOR_FAILED}}
    assert files_under(django_settings.MEDIA_ROOT) == []


# Documents and meeting papers (private storage) ----------------------------------------


def test_a_document_whose_file_cannot_be_stored_is_not_saved(writer, editor, settings):
    form = {
        "number": "12/KH-MTTQ",
        "kind": "ke-hoach",
        "issuer": "Ban Thường trực Ủy ban MTTQ phường",
        "issued_on": "20/08/2024",
        "summary": "Kế hoạch tổ chức Ngày hội Đại đoàn kết",
        "visibility": "public",
        "slug": "",
        "file": SimpleUploadedFile("ke-hoach.pdf", PDF_BYTES * 50, "application/pdf"),
    }
    with storage_fails(at=1):
        response = writer.post("/quan-tri/documents/document/add/", form)
    page = response.content.decode()
    assert response.status_code == 200
    assert STORAGE_FAILED in page and 'value="12/KH-MTTQ"' in page
    assert not Document.objects.exists()
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_meeting_paper_that_cannot_be_stored_saves_no_row(admin_client, public_meeting, settings):
    url = f"/quan-tri/meetings/meeting/{public_meeting.pk}/change/"
    with storage_fails(at=1):
        response = post_form(
            admin_client,
            url,
            "meeting_form",
            {
                "title": "Hội nghị lần thứ II (đã sửa)",
                "attachments-TOTAL_FORMS": "1",
                "attachments-0-kind": "bao-cao",
                "attachments-0-title": "Báo cáo tổng kết",
                "attachments-0-file": SimpleUploadedFile("bao-cao.pdf", PDF_BYTES * 50),
                "attachments-0-visibility": "public",
                "attachments-0-order": "0",
            },
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert STORAGE_FAILED in page and "Hội nghị lần thứ II (đã sửa)" in page
    assert not Attachment.objects.exists()
    public_meeting.refresh_from_db()
    assert public_meeting.title == "Hội nghị Ủy ban MTTQ phường lần thứ II"
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []
