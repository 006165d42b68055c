"""The newsroom's whole story in a real Chromium, as three people live it.

An editor writes an article in CKEditor 5 (heading, list, uploaded photo) and sends it
for review; a resident cannot see it; a reviewer publishes it; the resident's home page,
cached before, shows it at once and the article shows the photo in renditions.
"""

import pytest

from mattran.tests import photos
from news.models import Article, ArticleEvent
from news.tests.browser_steps import (
    caption_photo,
    choose_section,
    log_in,
    upload_photo,
    watch_for_csp_trouble,
    write_heading_and_list,
)
from news.tests.editing import ADD_URL

TITLE = "Hội nghị tổng kết công tác Mặt trận năm 2024"
HEADING = "Kết quả nổi bật"
ITEMS = ["Vận động 438 triệu đồng", "Xây 12 căn nhà Đại đoàn kết"]
VIEWPORT = {"width": 1280, "height": 900}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_article_goes_from_editor_to_review_to_the_home_page(
    browser,
    desktop_page,
    live_server,
    editor,
    reviewer,
    make_article,
    screenshot_dir,
    settings,
    tmp_path,
):
    settings.PAGE_CACHE_SECONDS = 300
    earlier = make_article("Ra quân vệ sinh môi trường khu phố 2")
    photo = tmp_path / "hoi-nghi.jpg"
    photo.write_bytes(photos.jpeg_bytes(1600, 1000, gps=True))

    # The editor writes and sends for review, watched for any CSP violation.
    page = desktop_page
    csp_trouble = watch_for_csp_trouble(page)
    log_in(page, live_server, editor, next_path=ADD_URL)
    page.wait_for_selector(".ck-editor__editable")
    page.screenshot(path=screenshot_dir / "1-bien-tap-form-trong.png", full_page=True)
    page.fill("#id_title", TITLE)
    choose_section(page, "Hoạt động", "Hoạt động Mặt trận")
    write_heading_and_list(page, HEADING, ITEMS)
    uploaded = upload_photo(page, photo)
    caption_photo(page, "Quang cảnh hội nghị")
    page.evaluate("window.scrollTo(0, 0)")  # the sticky toolbar would cover the heading
    page.screenshot(path=screenshot_dir / "2-bien-tap-da-viet.png", full_page=True)
    assert page.locator("input[name=_publish]").count() == 0  # editors cannot publish
    page.click("input[name=_submit_review]")
    page.wait_for_selector(".messagelist :text('Đã gửi bài cho người duyệt tin.')")
    page.screenshot(path=screenshot_dir / "3-bien-tap-da-gui-duyet.png", full_page=True)
    assert csp_trouble == []

    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW
    url = f"{live_server.url}{article.get_absolute_url()}"

    # A resident (no session): the article is not public, and the home page is cached.
    resident_context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    resident = resident_context.new_page()
    assert resident.goto(url).status == 404
    resident.screenshot(path=screenshot_dir / "4-nguoi-dan-bai-chua-cong-khai.png")
    assert resident.goto(f"{live_server.url}/").status == 200
    assert resident.locator(f"a:has-text('{earlier.title}')").count() > 0
    assert resident.locator(f"a:has-text('{TITLE}')").count() == 0
    resident.screenshot(path=screenshot_dir / "5-nguoi-dan-trang-chu-truoc.png", full_page=True)
    # A change that bypasses the model (no signal) is not seen: the page really is cached.
    Article.objects.filter(pk=earlier.pk).update(title="Tiêu đề đổi ngầm")
    resident.goto(f"{live_server.url}/")
    assert resident.locator("a:has-text('Tiêu đề đổi ngầm')").count() == 0

    # A reviewer, in a browser of their own, publishes it.
    reviewer_context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    reviewer_page = reviewer_context.new_page()
    log_in(reviewer_page, live_server, reviewer)
    reviewer_page.goto(f"{live_server.url}/quan-tri/news/article/{article.pk}/change/")
    reviewer_page.screenshot(path=screenshot_dir / "6-duyet-tin-mo-bai.png", full_page=True)
    reviewer_page.click("input[name=_publish]")
    reviewer_page.wait_for_selector(".messagelist .success:text('Bài đã được xuất bản.')")
    reviewer_page.screenshot(path=screenshot_dir / "7-duyet-tin-da-xuat-ban.png", full_page=True)
    reviewer_context.close()
    assert [(e.action, e.user) for e in article.events.order_by("pk")] == [
        (ArticleEvent.Action.CREATED, editor),
        (ArticleEvent.Action.SUBMITTED, editor),
        (ArticleEvent.Action.PUBLISHED, reviewer),
    ]

    # The resident's home page shows it at once (the cache was cleared by publishing).
    resident.goto(f"{live_server.url}/")
    resident.screenshot(path=screenshot_dir / "8-nguoi-dan-trang-chu-sau.png", full_page=True)
    resident.click(f"a:has-text('{TITLE}') >> nth=0")
    resident.wait_for_url(url)
    assert resident.locator("h1").inner_text() == TITLE
    body = resident.locator(".article-body")
    assert body.locator("h2").inner_text() == HEADING
    assert body.locator("ul > li").all_inner_texts() == ITEMS
    photo_in_page = body.locator("figure.image img")
    photo_in_page.scroll_into_view_if_needed()
    resident.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo_in_page.element_handle()
    )
    srcset = photo_in_page.get_attribute("srcset")
    # Every rendition the upload made (1600 px wide allows 400, 800 and 1200) is offered.
    renditions = {key: value for key, value in uploaded["urls"].items() if key != "default"}
    assert {"400", "800"} <= set(renditions)
    for width, rendition_url in renditions.items():
        assert f"{rendition_url} {width}w" in srcset
    # What the browser shows is one of those renditions, never the file as uploaded.
    shown = photo_in_page.evaluate("img => new URL(img.currentSrc).pathname")
    assert shown in renditions.values()
    assert body.locator("figcaption").inner_text() == "Quang cảnh hội nghị"
    resident.screenshot(path=screenshot_dir / "9-nguoi-dan-doc-bai.png", full_page=True)
    resident_context.close()
