import io

import pytest

from documents import demo
from documents.models import Document
from mattran.lib import files

pytestmark = pytest.mark.django_db


def test_demo_documents_load_once_with_real_files(client):
    demo.load(io.StringIO())
    demo.load(io.StringIO())

    assert Document.objects.count() == len(demo.DOCUMENTS) == 6
    for document in Document.objects.all():
        with document.file.open("rb") as handle:
            assert files.sniff(handle) == document.file_type
    resolution = Document.objects.get(number="15/NQ-MTTQ")
    assert resolution.issued_on.isoformat() == "2024-07-08"
    assert Document.objects.get(number="25/HD-MTTQ").file_type == files.DOCX
    assert Document.objects.filter(visibility=Document.Visibility.LEADERS).count() == 1
    response = client.get("/van-ban/", {"q": "khong gian dai doan ket"})
    assert [d.number for d in response.context["page_obj"].object_list] == ["12/KH-MTTQ"]
