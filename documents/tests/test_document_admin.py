"""Documents in the admin, as ward staff use it: open the form, fill it in, save."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from documents.tests.documents import PDF_BYTES, docx_bytes, make_document, zip_bytes
from mattran.tests.concurrent_edits import hidden_version

pytestmark = pytest.mark.django_db

ADD = reverse("admin:documents_document_add")
CHANGELIST = reverse("admin:documents_document_changelist")
WRONG_TYPE = "Tệp không phải PDF hoặc Word (DOCX)"


def typed(upload):
    """What a staff member types into the add form."""
    return {
        "number": "12/KH-MTTQ",
        "kind": "ke-hoach",
        "issuer": "Ban Thường trực Ủy ban MTTQ phường",
        "issued_on": "20/08/2024",
        "summary": "Kế hoạch tổ chức Ngày hội Đại đoàn kết",
        "visibility": "public",
        "slug": "",
        "file": upload,
    }


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def staff(client, editor):
    client.force_login(editor)
    assert client.get(ADD).status_code == 200
    return client


def test_add_form_is_in_vietnamese(staff):
    page = staff.get(ADD).content.decode()

    for label in ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"]:
        assert label in page


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ke-hoach.pdf", "Đây là văn bản gõ tay, đổi đuôi thành .pdf".encode()),
        ("ke-hoach.docx", zip_bytes()),
        ("ke-hoach.pdf", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_a_file_that_is_not_pdf_or_docx_inside_is_refused_and_nothing_saved(staff, name, content):
    response = staff.post(ADD, typed(SimpleUploadedFile(name, content, "application/pdf")))

    assert response.status_code == 200
    page = response.content.decode()
    assert WRONG_TYPE in page
    assert "Kế hoạch tổ chức Ngày hội Đại đoàn kết" in page  # what was typed is kept
    assert not Document.objects.exists()
    assert stored_files() == []


def test_an_oversize_file_is_refused_with_the_limit_named(staff, settings):
    settings.DOCUMENT_MAX_BYTES = 2 * 1024 * 1024
    big = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * (3 * 1024 * 1024), "application/pdf")

    response = staff.post(ADD, typed(big))

    assert response.status_code == 200
    assert "Tệp quá lớn (3 MB); tối đa 2 MB." in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize(
    ("name", "content", "kind"), [("a.pdf", PDF_BYTES, "pdf"), ("b.docx", docx_bytes(), "docx")]
)
def test_a_real_pdf_or_docx_is_saved_with_its_kind(staff, name, content, kind):
    response = staff.post(ADD, typed(SimpleUploadedFile(name, content)))

    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.file_type == kind
    assert document.size == len(content)
    assert document.slug == "12-kh-mttq-ke-hoach-to-chuc-ngay-hoi-dai-doan-ket"
    assert [path.suffix for path in stored_files()] == [f".{kind}"]
    # An editor's upload waits for a reviewer before residents see it.
    assert not document.is_published


def test_an_edit_without_a_new_file_keeps_the_file(staff):
    document = make_document(is_published=False)
    url = reverse("admin:documents_document_change", args=[document.pk])
    opened = staff.get(url)
    assert reverse("admin:documents_document_file", args=[document.pk]) in opened.content.decode()
    data = typed("")
    data.pop("file")
    data["slug"] = document.slug
    data["edit_version"] = hidden_version(opened)  # the version the opened form carries

    response = staff.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    document.refresh_from_db()
    assert document.summary == "Kế hoạch tổ chức Ngày hội Đại đoàn kết"
    assert document.file_type == "pdf" and document.file.read() == PDF_BYTES


def test_changelist_search_works_without_diacritics(staff):
    make_document(number="12/KH-MTTQ", summary="Kế hoạch tổ chức Ngày hội", kind="ke-hoach")
    make_document(number="45/TB-MTTQ", summary="Thông báo lịch tiếp công dân")

    response = staff.get(CHANGELIST, {"q": "to chuc ngay hoi"})

    assert response.status_code == 200
    assert [d.number for d in response.context["cl"].result_list] == ["12/KH-MTTQ"]


def test_a_deleted_document_can_be_recovered(client, reviewer):
    client.force_login(reviewer)
    assert client.post(ADD, typed(SimpleUploadedFile("a.pdf", PDF_BYTES))).status_code == 302
    document = Document.objects.get()
    delete = reverse("admin:documents_document_delete", args=[document.pk])

    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Document.objects.exists()
    recover_list = client.get(reverse("admin:documents_document_recoverlist"))
    version = recover_list.context["deleted"][0]
    recover = reverse("admin:documents_document_recover", args=[version.pk])
    form = client.get(recover)
    assert form.status_code == 200
    response = client.post(recover, {**typed(""), "slug": document.slug})

    assert response.status_code == 302, response.content.decode()[:3000]
    restored = Document.objects.get()
    assert restored.number == "12/KH-MTTQ"
    assert restored.file.read() == PDF_BYTES


def test_changelist_queries_do_not_grow(staff, django_assert_num_queries):
    for n in range(3):
        make_document(number=f"{n}/TB-MTTQ")
    # session, user, savepoint, user and group rights, count, rows, release, the date
    # hierarchy's range and its days, the issuers for the filter; the content version and
    # the ward record (the new documents retired them: mattran/cache.py)
    for count in (3, 60):
        for n in range(Document.objects.count(), count):
            make_document(number=f"{n}/TB-MTTQ")
        with django_assert_num_queries(13):
            assert staff.get(CHANGELIST).status_code == 200


def test_staff_open_a_leaders_only_file_from_the_admin_without_counting_it(
    staff, client, secretary
):
    document = make_document(visibility=Document.Visibility.LEADERS)
    url = reverse("admin:documents_document_file", args=[document.pk])
    # An editor has no right to internal records: for them the file does not exist.
    assert staff.get(url).status_code == 404
    staff.force_login(secretary)

    response = staff.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "no-store" in response["Cache-Control"]
    document.refresh_from_db()
    assert document.download_count == 0
    staff.logout()
    assert staff.get(url).status_code == 302  # to the admin login
