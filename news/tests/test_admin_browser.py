"""An editor in a real Chromium: the admin works under our Content-Security-Policy."""

import pytest

from news.models import Article
from news.tests.browser_steps import choose_section, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_submits_and_reviewer_publishes_under_the_csp(
    browser, desktop_page, live_server, editor, reviewer, category, screenshot_dir
):
    page = desktop_page
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))

    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/quan-tri/news/article/add/")
    page.fill("#id_title", "Ngày hội đại đoàn kết ở khu phố 3")

    choose_section(page, "Hoạt", "Hoạt động Mặt trận")

    page.click("#id_tags + .select2 .select2-selection")
    page.keyboard.type("Ngày hội")
    page.wait_for_selector(".select2-results__option:has-text('Ngày hội')")
    page.keyboard.press("Enter")
    page.screenshot(path=screenshot_dir / "1-editor-form.png", full_page=True)

    assert page.locator("input[name=_publish]").count() == 0
    page.click("input[name=_submit_review]")
    page.wait_for_selector(".messagelist")
    page.screenshot(path=screenshot_dir / "2-submitted.png", full_page=True)

    article = Article.objects.get(title="Ngày hội đại đoàn kết ở khu phố 3")
    assert article.status == Article.Status.REVIEW
    assert list(article.tags.names()) == ["Ngày hội"]

    # The editor previews the draft exactly as residents will see it; residents cannot.
    page.goto(f"{live_server.url}/quan-tri/news/article/{article.pk}/change/")
    with page.context.expect_page() as opened:
        page.click("text=Xem trước")
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == article.title
    preview.screenshot(path=screenshot_dir / "3-preview.png", full_page=True)
    resident = browser.new_context()
    resident_page = resident.new_page()
    closed = resident_page.goto(f"{live_server.url}/bien-tap/xem-truoc/{article.pk}/")
    assert closed.status == 404

    # A reviewer publishes; residents see it at once.
    reviewer_context = browser.new_context()
    reviewer_page = reviewer_context.new_page()
    reviewer_page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    log_in(reviewer_page, live_server, reviewer)
    reviewer_page.goto(f"{live_server.url}/quan-tri/news/article/{article.pk}/change/")
    reviewer_page.click("input[name=_publish]")
    reviewer_page.wait_for_selector(".messagelist")
    reviewer_page.screenshot(path=screenshot_dir / "4-published.png", full_page=True)
    public = resident_page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert public.status == 200
    assert resident_page.locator("h1").inner_text() == article.title
    reviewer_context.close()
    resident.close()

    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
