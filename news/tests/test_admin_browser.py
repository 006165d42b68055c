"""An editor in a real Chromium: the admin works under our Content-Security-Policy."""

import pytest

from conftest import PASSWORD
from news.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_writes_tags_and_submits_under_the_csp(
    desktop_page, live_server, editor, category, screenshot_dir
):
    page = desktop_page
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(f"{live_server.url}/quan-tri/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/quan-tri/news/article/add/")
    page.fill("#id_title", "Ngày hội đại đoàn kết ở khu phố 3")

    page.click("#id_category + .select2 .select2-selection")
    page.fill(".select2-search__field", "Hoạt")
    page.click(".select2-results__option:has-text('Hoạt động Mặt trận')")

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
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
