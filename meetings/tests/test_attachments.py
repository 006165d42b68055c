from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Attachment
from meetings.models.attachment import MAX_ATTACHMENT_BYTES, validate_pdf
from meetings.tests.admin_forms import post_form
from meetings.tests.factories import PDF_BYTES, make_attachment

pytestmark = pytest.mark.django_db


def test_public_paper_of_a_public_meeting_is_served_to_anyone(client, public_meeting):
    paper = make_attachment(public_meeting, "Chương trình hội nghị")

    response = client.get(paper.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_leaders_only_paper_is_404_for_residents_and_staff_and_served_to_leaders(
    client, public_meeting, staff_outside_leaders, leader
):
    paper = make_attachment(
        public_meeting, "Biên bản nội bộ", visibility="leaders", kind="bien-ban"
    )

    assert client.get(paper.get_absolute_url()).status_code == 404
    assert "Biên bản nội bộ" not in client.get(public_meeting.get_absolute_url()).content.decode()

    client.force_login(staff_outside_leaders)
    assert client.get(paper.get_absolute_url()).status_code == 404

    client.force_login(leader)
    response = client.get(paper.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Biên bản nội bộ" in client.get(public_meeting.get_absolute_url()).content.decode()


def test_public_paper_of_a_leaders_only_meeting_is_404_for_residents(client, internal_meeting):
    paper = make_attachment(internal_meeting, "Chương trình")

    assert client.get(paper.get_absolute_url()).status_code == 404


def test_papers_are_stored_outside_media_root_under_a_random_name(public_meeting):
    paper = make_attachment(public_meeting, "Báo cáo")

    stored = Path(paper.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.name != "x.pdf" and stored.suffix == ".pdf"


def test_admin_refuses_a_file_that_is_not_a_pdf_inside(admin_client, public_meeting):
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>", "application/pdf")

    response = _save_with_attachment(admin_client, public_meeting, fake)

    assert response.status_code == 200
    assert "Tệp không phải PDF" in response.content.decode()
    assert not Attachment.objects.exists()


def test_admin_accepts_a_real_pdf(admin_client, public_meeting):
    pdf = SimpleUploadedFile("bao-cao.pdf", PDF_BYTES, "application/pdf")

    response = _save_with_attachment(admin_client, public_meeting, pdf)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Attachment.objects.get().size == len(PDF_BYTES)


def _save_with_attachment(client, meeting, upload):
    return post_form(
        client,
        f"/quan-tri/meetings/meeting/{meeting.pk}/change/",
        "meeting_form",
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-kind": "bao-cao",
            "attachments-0-title": "Báo cáo",
            "attachments-0-file": upload,
            "attachments-0-visibility": "public",
            "attachments-0-order": "0",
        },
    )


def test_a_file_over_the_size_limit_is_refused_whatever_it_holds():
    big = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * MAX_ATTACHMENT_BYTES)

    with pytest.raises(ValidationError) as error:
        validate_pdf(big)

    assert "Tệp quá lớn" in error.value.messages[0]
