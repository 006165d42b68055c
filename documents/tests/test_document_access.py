"""Who sees a leaders-only document, and what a download gives and counts."""

from pathlib import Path

import pytest
from django.conf import settings

from documents import queries
from documents.models import Document
from documents.tests.documents import PDF_BYTES, docx_bytes, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def internal():
    return make_document(
        number="03/NQ-BTT",
        summary="Nghị quyết nội bộ về công tác cán bộ",
        kind=Document.Kind.RESOLUTION,
        visibility=Document.Visibility.LEADERS,
    )


@pytest.fixture
def public():
    return make_document(number="45/TB-MTTQ", summary="Thông báo lịch tiếp công dân")


def shown(client, url, **params):
    response = client.get(url, params)
    return [document.number for document in response.context["page_obj"].object_list]


@pytest.fixture(params=["anonymous", "editor"])
def outsider(request, client, editor):
    """A resident, or ward staff who are not leaders."""
    if request.param == "editor":
        client.force_login(editor)
    return client


def test_leaders_only_document_is_hidden_from_residents_and_staff(outsider, internal, public):
    assert outsider.get(internal.get_absolute_url()).status_code == 404
    assert outsider.get(internal.get_download_url()).status_code == 404
    assert shown(outsider, "/van-ban/") == ["45/TB-MTTQ"]
    assert shown(outsider, "/van-ban/", q="nghi quyet noi bo") == []
    assert shown(outsider, "/van-ban/", loai="nghi-quyet") == []
    internal.refresh_from_db()
    assert internal.download_count == 0  # a refused download is not counted


def test_leaders_only_document_is_absent_from_the_sitemap(client, internal, public):
    section = client.get("/sitemap-van-ban.xml").content.decode()

    assert public.get_absolute_url() in section
    assert internal.get_absolute_url() not in section


def test_queries_for_home_and_search_hide_leaders_only_documents(editor, leader, internal, public):
    assert [d.number for d in queries.latest(5, editor)] == ["45/TB-MTTQ"]
    assert list(queries.search("noi bo", editor)) == []
    assert [d.number for d in queries.latest(5, leader)] == ["45/TB-MTTQ", "03/NQ-BTT"]
    assert [d.number for d in queries.search("noi bo", leader)] == ["03/NQ-BTT"]


def test_leader_sees_and_downloads_a_leaders_only_document(client, leader, internal, public):
    client.force_login(leader)

    page = client.get(internal.get_absolute_url())
    download = client.get(internal.get_download_url())

    assert page.status_code == 200
    assert "Văn bản nội bộ" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert download.status_code == 200
    assert download["Cache-Control"] == "private, no-store"
    assert shown(client, "/van-ban/") == ["45/TB-MTTQ", "03/NQ-BTT"]
    assert shown(client, "/van-ban/", q="noi bo") == ["03/NQ-BTT"]


def test_each_download_counts_one_and_serves_the_pdf(client, public):
    for expected in (1, 2, 3):
        response = client.get(public.get_download_url())
        assert b"".join(response.streaming_content) == PDF_BYTES
        public.refresh_from_db()
        assert public.download_count == expected
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_edit_saved_after_downloads_keeps_their_count(client, public):
    stale = Document.objects.get(pk=public.pk)  # a staff form opened before the downloads
    client.get(public.get_download_url())
    client.get(public.get_download_url())

    stale.summary = "Thông báo lịch tiếp công dân (sửa)"
    stale.save()

    public.refresh_from_db()
    assert public.download_count == 2
    assert public.summary.endswith("(sửa)")


def test_download_names_the_file_in_vietnamese_with_an_ascii_fallback(client, public):
    response = client.get(public.get_download_url())

    assert response["Content-Disposition"] == (
        'attachment; filename="45-TB-MTTQ Thong bao lich tiep cong dan.pdf"; '
        "filename*=utf-8''45-TB-MTTQ%20Th%C3%B4ng%20b%C3%A1o%20l%E1%BB%8Bch%20ti%E1%BA%BFp"
        "%20c%C3%B4ng%20d%C3%A2n.pdf"
    )


def test_a_docx_is_served_as_word(client):
    document = make_document(number="07/HD-MTTQ", summary="Hướng dẫn", content=docx_bytes())

    response = client.get(document.get_download_url())

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith(".docx")
    assert document.file.name.endswith(".docx")


def test_files_are_stored_outside_media_root_under_a_random_name(public):
    stored = Path(public.file.path).resolve()

    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.name != "van-ban.pdf"


def test_download_queries(client, django_assert_num_queries, public):
    # the document, the count's UPDATE
    with django_assert_num_queries(2):
        client.get(public.get_download_url())


def test_a_missing_file_is_404_and_not_counted(client, public):
    Path(public.file.path).unlink()

    assert client.get(public.get_download_url()).status_code == 404
    public.refresh_from_db()
    assert public.download_count == 0


def test_a_leaders_only_year_and_issuer_stay_out_of_the_public_filters(client, leader, public):
    make_document(
        number="02/NQ-BTT",
        issuer="Ban Thường trực (nội bộ)",
        issued_on=public.issued_on.replace(year=2019),
        visibility=Document.Visibility.LEADERS,
    )
    client.force_login(leader)
    leaders_form = client.get("/van-ban/").context["form"]
    client.logout()

    public_form = client.get("/van-ban/").context["form"]

    assert "2019" in dict(leaders_form.fields["nam"].choices)
    assert "2019" not in dict(public_form.fields["nam"].choices)
    assert "Ban Thường trực (nội bộ)" not in dict(public_form.fields["co_quan"].choices)
