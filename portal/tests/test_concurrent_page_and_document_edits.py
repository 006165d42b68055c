"""Two staff members edit one page or one document: the later save is refused, keeps
what was typed and shows the other's change, and the first save stands."""

import pytest
from django.urls import reverse

from documents.tests.documents import make_document
from mattran.tests.concurrent_edits import conflict_table, open_form, staff_client
from pages.models import Page

pytestmark = pytest.mark.django_db

STALE = "sau khi bạn mở trang này. Chưa có gì được lưu"


@pytest.fixture
def two_staff(django_user_model):
    first = django_user_model.objects.create_superuser(
        "canbo1", password="x", first_name="Nguyễn Văn An"
    )
    second = django_user_model.objects.create_superuser("canbo2", password="x")
    return staff_client(first), staff_client(second)


@pytest.fixture
def page(db):
    return Page.objects.create(
        title="Lịch sử", body="<p>Thành lập năm 1930.</p>", is_published=True
    )


def test_the_later_page_save_is_refused_and_keeps_what_was_typed(two_staff, page):
    first, second = two_staff
    url = reverse("admin:pages_page_change", args=[page.pk])
    mine = open_form(second, url, "page_form")
    theirs = open_form(first, url, "page_form")

    assert first.post(url, theirs | {"title": "Lịch sử hình thành"}).status_code == 302
    refused = second.post(url, mine | {"body": "<p>Đoạn mới tôi vừa gõ.</p>"})

    page_html = refused.content.decode()
    assert refused.status_code == 200
    assert "Trang giới thiệu đã được Nguyễn Văn An sửa lúc" in page_html
    assert STALE in page_html
    assert conflict_table(refused) == {"Tiêu đề": ("Lịch sử hình thành", "Lịch sử")}
    assert "Đoạn mới tôi vừa gõ." in page_html
    page.refresh_from_db()
    assert (page.title, page.body) == ("Lịch sử hình thành", "<p>Thành lập năm 1930.</p>")


def test_the_later_document_save_is_refused_and_keeps_what_was_typed(two_staff):
    document = make_document()
    first, second = two_staff
    url = reverse("admin:documents_document_change", args=[document.pk])
    mine = open_form(second, url, "document_form")
    theirs = open_form(first, url, "document_form")

    assert first.post(url, theirs | {"number": "46/TB-MTTQ"}).status_code == 302
    refused = second.post(url, mine | {"summary": "Trích yếu tôi vừa sửa"})

    page_html = refused.content.decode()
    assert refused.status_code == 200
    assert "Văn bản đã được Nguyễn Văn An sửa lúc" in page_html
    assert conflict_table(refused) == {"Số ký hiệu": ("46/TB-MTTQ", "45/TB-MTTQ")}
    assert "Trích yếu tôi vừa sửa" in page_html
    document.refresh_from_db()
    assert (document.number, document.summary) == ("46/TB-MTTQ", "Thông báo lịch tiếp công dân")


def test_saving_the_refused_form_again_replaces_the_other_persons_work(two_staff, page):
    # The refused page carries the current version: a second Lưu is a deliberate choice.
    first, second = two_staff
    url = reverse("admin:pages_page_change", args=[page.pk])
    mine = open_form(second, url, "page_form")
    first.post(url, open_form(first, url, "page_form") | {"title": "Lịch sử hình thành"})
    second.post(url, mine | {"title": "Lịch sử phường"})

    again = second.post(url, open_form(second, url, "page_form") | {"title": "Lịch sử phường"})

    assert again.status_code == 302
    page.refresh_from_db()
    assert page.title == "Lịch sử phường"


def test_a_menu_change_from_the_list_moves_the_page_on(admin_client, two_staff, page):
    # Reordering the menu in the list is a save too: a form opened before it is refused.
    first, _ = two_staff
    url = reverse("admin:pages_page_change", args=[page.pk])
    opened = open_form(first, url, "page_form")
    listed = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(page.pk),
        "form-0-menu_order": "5",
        "form-0-is_published": "on",
        "_save": "Lưu",
    }
    assert admin_client.post(reverse("admin:pages_page_changelist"), listed).status_code == 302

    refused = first.post(url, opened | {"title": "Lịch sử hình thành"})

    assert refused.status_code == 200
    assert STALE in refused.content.decode()
    page.refresh_from_db()
    assert (page.title, page.menu_order, page.show_in_menu) == ("Lịch sử", 5, False)
