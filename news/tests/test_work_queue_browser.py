"""The review loop in a real Chromium at 1280 and 390 px: a writer submits, the reviewer
finds it at the top of "Việc cần làm" with its count, returns it with a note, the writer
reads the note and resubmits, the reviewer publishes; every step's mail is sent, in order.

The live server runs in this process: what its thread sends lands in `mail.outbox` here.
"""

import pytest
from django.core import mail

from news.models import Article
from news.tests.browser_steps import log_in

NOTE = "Ảnh thiếu tên người chụp; sửa lại sapo cho ngắn hơn."


def _person(browser, width, live_server, user):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", device_scale_factor=1
    )
    page = context.new_page()
    log_in(page, live_server, user)
    return context, page


def _open_first_task(page, live_server, title):
    page.goto(f"{live_server.url}/quan-tri/")
    first = page.locator(".work-queue").first
    assert first.locator("h3").inner_text().startswith("Bài chờ duyệt")
    assert first.locator("li a").first.inner_text() == title
    return first


def _widest(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_review_loop_through_the_work_queue(
    browser, live_server, editor, reviewer, make_article, screenshot_dir, width
):
    editor.email, reviewer.email = "bientap@example.vn", "duyettin@example.vn"
    editor.save()
    reviewer.save()
    article = make_article("Ra quân làm sạch kênh Tân Hóa", status=Article.Status.DRAFT)
    article.created_by = editor
    article.save()
    change = f"{live_server.url}/quan-tri/news/article/{article.pk}/change/"
    writer_context, writer = _person(browser, width, live_server, editor)
    checker_context, checker = _person(browser, width, live_server, reviewer)
    try:
        # The writer submits.
        writer.goto(change)
        writer.click("input[name=_submit_review]")
        writer.wait_for_selector(".messagelist :text('Đã gửi bài cho người duyệt tin.')")

        # The reviewer finds it at the top of "Việc cần làm", with its count.
        first = _open_first_task(checker, live_server, article.title)
        assert "(1)" in first.locator("h3").inner_text()
        assert "chờ 1 phút" in first.locator("li").first.inner_text()
        assert checker.locator("#content-main a:text('Bài viết (1 chờ duyệt)')").count() == 1
        assert _widest(checker) <= width
        checker.screenshot(path=screenshot_dir / f"1-viec-can-lam-{width}.png", full_page=True)

        # Returning without a note is refused; with one it goes back.
        first.locator("li a").first.click()
        checker.click("input[name=_send_back]")
        checker.wait_for_selector(".errorlist :text('Hãy ghi lý do trả lại')")
        checker.fill("#id_review_note", NOTE)
        checker.screenshot(path=screenshot_dir / f"2-tra-lai-{width}.png", full_page=True)
        checker.click("input[name=_send_back]")
        checker.wait_for_selector(".messagelist :text('Đã trả bài lại cho biên tập viên.')")

        # The writer reads the note in the queue and on the form, then resubmits.
        writer.goto(f"{live_server.url}/quan-tri/")
        returned = writer.locator(".work-queue").first
        assert returned.locator("h3").inner_text().startswith("Bài bị trả lại")
        assert NOTE in returned.inner_text()
        assert _widest(writer) <= width
        writer.screenshot(path=screenshot_dir / f"3-bi-tra-lai-{width}.png", full_page=True)
        returned.locator("li a").first.click()
        assert NOTE in writer.locator(".returned-note").inner_text()
        writer.click("input[name=_submit_review]")
        writer.wait_for_selector(".messagelist :text('Đã gửi bài cho người duyệt tin.')")

        # The reviewer publishes from the queue.
        first = _open_first_task(checker, live_server, article.title)
        first.locator("li a").first.click()
        checker.click("input[name=_publish]")
        checker.wait_for_selector(".messagelist :text('Bài đã được xuất bản.')")
        checker.goto(f"{live_server.url}/quan-tri/")
        assert checker.locator(".work-queue").count() == 0
    finally:
        writer_context.close()
        checker_context.close()

    article.refresh_from_db()
    assert article.is_public
    assert [(m.to, m.subject.split(":")[0]) for m in mail.outbox] == [
        (["duyettin@example.vn"], "Bài chờ duyệt"),
        (["bientap@example.vn"], "Bài bị trả lại"),
        (["duyettin@example.vn"], "Bài chờ duyệt"),
        (["bientap@example.vn"], "Bài đã xuất bản"),
    ]
    assert NOTE in mail.outbox[1].body
