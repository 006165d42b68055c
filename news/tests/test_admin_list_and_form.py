"""The article list and form as staff read them: status as a coloured label, the cover as
a thumbnail, what waits for review first; buttons named after what they do; a plain
section select while the sections are few; dates as dd/mm/yyyy."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mattran.tests.photos import jpeg_bytes
from news.forms import PLAIN_CATEGORY_SELECT_MAX
from news.models import Article, Category
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_article_changelist")
S = Article.Status


def list_page(client, user):
    client.force_login(user)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    return response.content.decode()


def row_of(page, title):
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    return next(row for row in rows if title in row)


def test_status_shows_as_a_coloured_label_per_state(client, reviewer, make_article):
    now = timezone.now()
    make_article("Bài nháp", status=S.DRAFT)
    make_article("Bài chờ duyệt", status=S.REVIEW)
    make_article("Bài hẹn giờ", published_at=now + datetime.timedelta(days=1))
    make_article("Bài đã lên trang")
    page = list_page(client, reviewer)
    expected = {
        "Bài nháp": ("draft", "Nháp"),
        "Bài chờ duyệt": ("review", "Chờ duyệt"),
        "Bài hẹn giờ": ("scheduled", "Hẹn giờ"),
        "Bài đã lên trang": ("published", "Đã xuất bản"),
    }
    for title, (state, text) in expected.items():
        assert f'<span class="status-label status-{state}">{text}</span>' in row_of(page, title)
    # The colours live in the staff stylesheet the list loads.
    assert "css/admin.css" in page


def test_cover_shows_as_a_small_thumbnail_from_its_renditions(client, reviewer, make_article):
    pictured = make_article("Bài có ảnh")
    pictured.cover = SimpleUploadedFile("bia.jpg", jpeg_bytes(1200, 800), "image/jpeg")
    pictured.save()
    make_article("Bài không ảnh")
    page = list_page(client, reviewer)
    smallest = min(pictured.cover_renditions["sizes"], key=lambda size: size["width"])
    thumbnail = re.search(r'<img class="list-thumbnail" src="([^"]+)"', row_of(page, "Bài có ảnh"))
    assert thumbnail and thumbnail.group(1).endswith(smallest["name"])
    assert "list-thumbnail" not in row_of(page, "Bài không ảnh")


def test_waiting_for_review_comes_first_then_the_newest(client, reviewer, make_article):
    now = timezone.now()
    make_article("Cũ nhất", published_at=now - datetime.timedelta(days=3))
    make_article("Chờ duyệt từ lâu", status=S.REVIEW, published_at=now - datetime.timedelta(days=9))
    make_article("Mới nhất", published_at=now - datetime.timedelta(hours=1))
    page = list_page(client, reviewer)
    order = [page.index(title) for title in ["Chờ duyệt từ lâu", "Mới nhất", "Cũ nhất"]]
    assert order == sorted(order)


def buttons(page):
    """{label: name} of every submit button on the page."""
    found = {}
    for tag in re.findall(r'<input type="submit"[^>]*>', page, flags=re.S):
        found[re.search(r'value="([^"]+)"', tag).group(1)] = re.search(r'name="(\w+)"', tag).group(
            1
        )
    return found


def test_save_buttons_are_named_after_the_action(client, editor, reviewer, draft, published):
    client.force_login(editor)
    add = client.get(reverse("admin:news_article_add")).content.decode()
    assert buttons(add) == {
        "Lưu nháp": "_continue",
        "Lưu rồi về danh sách": "_save",
        "Gửi duyệt": "_submit_review",
    }
    for django_label in ["Lưu và thêm mới", "Lưu và tiếp tục chỉnh sửa", 'value="Lưu lại"']:
        assert django_label not in add
    # The workflow steps sit in their own row, under the save buttons.
    assert add.index('name="_continue"') < add.index("workflow-row") < add.index("_submit_review")

    client.force_login(reviewer)
    live = client.get(change_url(published)).content.decode()
    assert buttons(live)["Lưu và cập nhật trên trang"] == "_continue"
    assert buttons(live)["Gỡ bài"] == "_unpublish"


def test_luu_nhap_keeps_the_draft_open(client, editor, draft):
    client.force_login(editor)
    response = client.post(change_url(draft), form_data(draft, _continue="Lưu nháp"))
    assert response.status_code == 302
    assert response.url == change_url(draft)


def section_widget(client, user):
    client.force_login(user)
    return client.get(reverse("admin:news_article_add")).content.decode()


def test_few_sections_are_a_plain_select_many_an_autocomplete(client, editor, category):
    page = section_widget(client, editor)
    select = re.search(r'<select name="category"[^>]*>', page).group(0)
    assert "admin-autocomplete" not in select
    assert "Hoạt động Mặt trận" in page or category.name in page  # every section listed

    Category.objects.bulk_create(
        Category(name=f"Chuyên mục {n}", slug=f"chuyen-muc-{n}")
        for n in range(PLAIN_CATEGORY_SELECT_MAX)
    )
    page = section_widget(client, editor)
    select = re.search(r'<select name="category"[^>]*>', page).group(0)
    assert "admin-autocomplete" in select


def test_help_says_who_the_photo_credit_names_and_how_long_a_sapo_is(client, editor):
    page = section_widget(client, editor)
    assert "Người chụp ảnh" in page
    assert "«Ảnh: Minh Tâm»" in page
    assert "40–60 từ" in page
    assert "rộng ít nhất 1200 px" in page


def test_dates_show_as_dd_mm_yyyy_in_list_and_form(client, reviewer, make_article):
    at = timezone.make_aware(datetime.datetime(2024, 5, 17, 7, 30))
    article = make_article("Bài ngày 17 tháng 5", published_at=at)
    page = list_page(client, reviewer)
    assert "07:30 17/05/2024" in row_of(page, "Bài ngày 17 tháng 5")
    assert "tháng 5 năm 2024" not in row_of(page, "Bài ngày 17 tháng 5")
    form = client.get(change_url(article)).content.decode()
    assert 'value="17/05/2024"' in form
