"""'Lịch sử' compares two saved versions: changed fields only, by their Vietnamese names,
long texts as a word diff, stored markup always escaped, and only what the user may see."""

import re

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from mattran import roles
from mattran.models import StaffAreas
from mattran.tests.accounts import make_user
from news.models import Article
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db


def history_url(article):
    return reverse("admin:news_article_history", args=[article.pk])


def compare_url(article, older, newer):
    url = reverse("admin:news_article_compare", args=[article.pk])
    return f"{url}?truoc={older.pk}&sau={newer.pk}"


def versions_of(article):
    return list(Version.objects.get_for_object(article).order_by("pk"))


def changes_table(page):
    return re.search(r'<table id="version-changes">.*?</table>', page, re.S).group(0)


@pytest.fixture
def edited(client, editor, draft):
    """A draft the editor saved twice: a new title and a reworded body the second time."""
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft, body="<p>Sáng Chủ Nhật, 300 người dự.</p>"))
    draft.refresh_from_db()
    client.post(
        change_url(draft),
        form_data(draft, title="Tiêu đề mới", body="<p>Sáng Chủ Nhật, 450 người dự.</p>"),
    )
    draft.refresh_from_db()
    return draft


def test_each_save_on_the_history_screen_links_to_what_it_changed(client, edited):
    older, newer = versions_of(edited)

    page = client.get(history_url(edited)).content.decode()

    assert compare_url(edited, older, newer).replace("&", "&amp;") in page
    assert "So sánh hai bản đã chọn" in page
    assert re.search(rf'name="truoc"\s+value="{older.pk}"', page)


def test_the_comparison_names_the_changed_fields_only(client, edited):
    older, newer = versions_of(edited)

    response = client.get(compare_url(edited, older, newer))

    assert response.status_code == 200
    table = changes_table(response.content.decode())
    assert re.findall(r'<th scope="row">(.*?)</th>', table) == ["Tiêu đề", "Nội dung"]
    assert "Tiêu đề mới" in table
    assert "<del>300 </del><ins>450 </ins>" in table
    # the row's own bookkeeping is never shown, though it changed with each save
    assert older.field_dict["version"] != newer.field_dict["version"]
    for internal in ("Phiên bản", "phiên bản", "search_text", "Lượt xem"):
        assert internal not in table


def test_any_two_saves_compare_whichever_way_they_are_chosen(client, editor, edited):
    client.post(change_url(edited), form_data(edited, author="Thanh Hà"))
    first, _, last = versions_of(edited)

    page = client.get(compare_url(edited, last, first)).content.decode()

    table = changes_table(page)
    assert re.findall(r'<th scope="row">(.*?)</th>', table) == ["Tiêu đề", "Nội dung", "Tác giả"]
    old_title = first.field_dict["title"]
    assert table.index(old_title) < table.index("Tiêu đề mới")  # the older on the left


def test_stored_markup_is_shown_as_text_never_run(client, editor, draft):
    client.force_login(editor)
    client.post(change_url(draft), form_data(draft))
    draft.refresh_from_db()
    client.post(
        change_url(draft),
        form_data(
            draft,
            title="<b>Tin</b> mới",
            body="<p>Viết &lt;img src=x onerror=alert(1)&gt; vào bài.</p>",
        ),
    )
    older, newer = versions_of(draft)

    page = client.get(compare_url(draft, older, newer)).content.decode()

    assert "&lt;b&gt;Tin&lt;/b&gt; mới" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img src=x" not in page and "<b>Tin" not in page


def test_versions_of_another_row_are_404(client, editor, edited, make_article):
    other = make_article("Tin khác", status=Article.Status.DRAFT)
    with reversion.create_revision():
        other.save()
    foreign = versions_of(other)[0]
    own = versions_of(edited)[0]

    assert client.get(compare_url(edited, own, foreign)).status_code == 404


def test_choosing_fewer_than_two_saves_goes_back_to_the_history(client, edited):
    url = reverse("admin:news_article_compare", args=[edited.pk])
    older, _ = versions_of(edited)

    assert client.get(url)["Location"] == history_url(edited)
    response = client.get(f"{url}?truoc={older.pk}", follow=True)
    assert "Hãy chọn hai bản lưu" in response.content.decode()


def test_another_areas_article_cannot_be_compared(client, django_user_model, areas, make_article):
    with reversion.create_revision():
        theirs = make_article("Tin khu khác", area=areas[1], status=Article.Status.DRAFT)
    with reversion.create_revision():
        theirs.title = "Tin khu khác, sửa"
        theirs.save()
    older, newer = versions_of(theirs)
    board = make_user(django_user_model, "khupho1", roles.AREA_STAFF, is_staff=True)
    StaffAreas.objects.create(user=board).areas.add(areas[0])
    client.force_login(board)

    assert client.get(compare_url(theirs, older, newer)).status_code == 404


def test_staff_without_the_right_to_see_articles_are_refused(client, django_user_model, edited):
    older, newer = versions_of(edited)
    clerk = make_user(django_user_model, "nhapsolieu", roles.DATA_ENTRY, is_staff=True)
    client.force_login(clerk)

    assert client.get(compare_url(edited, older, newer)).status_code == 403
