"""Two staff members in two real browsers edit one article; the later save is refused
in Vietnamese, shows the other's change and keeps what was typed."""

import pytest

from news.models import Article
from news.tests.browser_steps import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_later_save_in_a_second_browser_sees_the_vietnamese_refusal(
    browser, live_server, editor, reviewer, make_article, screenshot_dir
):
    article = make_article("Bài hai người cùng mở", status=Article.Status.DRAFT)
    url = f"{live_server.url}/quan-tri/news/article/{article.pk}/change/"
    contexts = [browser.new_context(locale="vi-VN") for _ in range(2)]
    try:
        mine, theirs = (context.new_page() for context in contexts)
        log_in(mine, live_server, editor)
        log_in(theirs, live_server, reviewer)
        mine.goto(url)
        theirs.goto(url)

        theirs.fill("#id_title", "Tiêu đề người duyệt đã sửa")
        theirs.click("input[name=_continue]")
        theirs.wait_for_selector(".messagelist")

        mine.fill("#id_sapo", "Tóm tắt biên tập viên đang gõ")
        mine.click("input[name=_continue]")
        mine.wait_for_selector(".edit-conflict")
        mine.screenshot(path=screenshot_dir / "refused.png", full_page=True)

        assert "Bài viết đã được duyettin sửa lúc" in mine.locator(".errorlist").inner_text()
        row = mine.locator(".edit-conflict tbody tr").first
        assert row.locator("th").inner_text() == "Tiêu đề"
        assert row.locator("td").all_inner_texts() == [
            "Tiêu đề người duyệt đã sửa",
            "Bài hai người cùng mở",
        ]
        assert mine.input_value("#id_sapo") == "Tóm tắt biên tập viên đang gõ"
        article.refresh_from_db()
        assert (article.title, article.sapo) == (
            "Tiêu đề người duyệt đã sửa",
            "Tóm tắt: Bài hai người cùng mở",
        )
    finally:
        for context in contexts:
            context.close()
