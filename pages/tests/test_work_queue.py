"""Pages waiting for a reviewer on the admin home (documents do the same: documents/queues.py)."""

import pytest

from pages.models import Page

pytestmark = pytest.mark.django_db


def test_reviewer_sees_unpublished_pages_and_the_editor_does_not(client, reviewer, editor):
    Page.objects.create(title="Giới thiệu Ban Thường trực", is_published=False)
    Page.objects.create(title="Lịch tiếp dân", is_published=True)
    client.force_login(reviewer)
    page = client.get("/quan-tri/").content.decode()
    assert "Trang chờ duyệt" in page
    assert "Giới thiệu Ban Thường trực" in page
    assert "Lịch tiếp dân" not in page
    client.force_login(editor)
    assert "Trang chờ duyệt" not in client.get("/quan-tri/").content.decode()
