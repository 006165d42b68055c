"""The article form refuses in Vietnamese, keeps every word typed and saves nothing."""

import pytest

from news.models import Article
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db


def test_a_slug_taken_by_a_section_is_refused_and_the_edit_kept(client, editor, draft, category):
    client.force_login(editor)
    typed = form_data(
        draft,
        title="Tiêu đề mới đang gõ",
        slug=category.slug,
        sapo="Tóm tắt mới đang gõ",
        body="<p>Đoạn văn mới đang gõ.</p>",
    )

    response = client.post(change_url(draft), typed)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Đường dẫn này trùng với một chuyên mục; hãy chọn đường dẫn khác." in page
    assert 'value="Tiêu đề mới đang gõ"' in page
    assert "Tóm tắt mới đang gõ</textarea>" in page
    assert "Đoạn văn mới đang gõ." in page
    draft.refresh_from_db()
    assert draft.title == "Bản nháp về ngày hội đại đoàn kết"
    assert draft.version == 1


def test_a_new_article_without_a_title_is_refused_and_nothing_saved(client, editor, category):
    client.force_login(editor)
    typed = form_data(Article(category=category), title="", sapo="Tóm tắt đã gõ")

    response = client.post("/quan-tri/news/article/add/", typed)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in page
    assert "Tóm tắt đã gõ</textarea>" in page
    assert not Article.objects.exists()
