"""Documents waiting for a reviewer on the admin home; leaders-only ones only for those
who may see them."""

import pytest

from documents.models import Document
from documents.tests.documents import make_document

pytestmark = pytest.mark.django_db


def test_reviewer_sees_unpublished_public_documents_only(client, reviewer):
    make_document(number="12/KH-MTTQ", summary="Kế hoạch ngày hội", is_published=False)
    make_document(
        number="13/NQ-MTTQ",
        summary="Nghị quyết nội bộ",
        is_published=False,
        visibility=Document.Visibility.LEADERS,
    )
    make_document(number="14/TB-MTTQ", summary="Thông báo đã đăng")
    client.force_login(reviewer)
    page = client.get("/quan-tri/").content.decode()
    assert "Văn bản chờ duyệt" in page
    assert "12/KH-MTTQ: Kế hoạch ngày hội" in page
    assert "Nghị quyết nội bộ" not in page
    assert "Thông báo đã đăng" not in page
    assert "Văn bản (1 chờ duyệt)" in page
