"""A writer composes an article in CKEditor 5 in a real Chromium, photo included.

(The submit → review → publish story is news/tests/test_newsroom_browser.py.)

The writer here holds the news permissions directly rather than through the
"Biên tập viên" group: a transactional test's flush removes the groups the migration
made, and serialized_rollback cannot always restore them once Playwright's greenlets
have given Django a fresh connection object.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from PIL import Image

from mattran.tests import photos
from mattran.tests.accounts import make_user
from news.models import Article
from news.tests.browser_steps import (
    UPLOAD_PATH,
    caption_photo,
    choose_section,
    log_in,
    upload_photo,
    write_heading_and_list,
)
from news.tests.editing import ADD_URL, grant_news_permissions, make_section


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_writer_writes_an_article_with_heading_list_and_photo(
    desktop_page, live_server, screenshot_dir, django_user_model, tmp_path
):
    writer = grant_news_permissions(make_user(django_user_model, "bientap", is_staff=True))
    section = make_section()
    photo = tmp_path / "hoi-nghi.jpg"
    photo.write_bytes(photos.jpeg_bytes(1600, 1000, gps=True))
    page = desktop_page

    log_in(page, live_server, writer, next_path=ADD_URL)
    page.wait_for_selector(".ck-editor__editable")
    page.screenshot(path=screenshot_dir / "1-form-trong.png", full_page=True)

    page.fill("#id_title", "Hội nghị tổng kết công tác Mặt trận năm 2024")
    choose_section(page, "Hoạt động", "Hoạt động Mặt trận")
    write_heading_and_list(
        page, "Kết quả nổi bật", ["Vận động 438 triệu đồng", "Xây 12 căn nhà Đại đoàn kết"]
    )
    upload_photo(page, photo)
    caption_photo(page, "Quang cảnh hội nghị")
    page.evaluate("window.scrollTo(0, 0)")  # the sticky toolbar would cover the heading
    page.screenshot(path=screenshot_dir / "2-da-viet.png", full_page=True)

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    page.screenshot(path=screenshot_dir / "3-da-luu.png", full_page=True)

    article = Article.objects.get()
    assert article.category == section
    assert "<h2>Kết quả nổi bật</h2>" in article.body
    assert "<ul><li>Vận động 438 triệu đồng</li><li>Xây 12 căn nhà Đại đoàn kết</li></ul>" in (
        article.body
    )
    assert '<figure class="image"><img' in article.body
    assert 'width="1200" loading="lazy" height="750"' in article.body
    assert "<figcaption>Quang cảnh hội nghị</figcaption></figure>" in article.body
    # The stored image is ours: re-encoded, random name, a rendition set, no GPS.
    media_url = django_settings.MEDIA_URL
    srcset = article.body.split('srcset="')[1].split('"')[0]
    candidates = dict(reversed(c.strip().split(" ")) for c in srcset.split(","))
    assert set(candidates) == {"400w", "800w", "1200w"}
    for width, url in candidates.items():
        name = url.removeprefix(media_url)
        assert name.startswith("editor/") and "hoi-nghi" not in name
        with default_storage.open(name) as stored:
            data = stored.read()
        assert Image.open(io.BytesIO(data)).width == int(width.removesuffix("w"))
        assert dict(photos.exif_of(data)[0]) == {}
    assert len(list(Path(screenshot_dir).glob("*.png"))) == 3


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fake_photo_in_the_editor_is_refused_with_a_vietnamese_message(
    desktop_page, live_server, screenshot_dir, django_user_model, tmp_path
):
    writer = grant_news_permissions(make_user(django_user_model, "bientap", is_staff=True))
    fake = tmp_path / "anh-gia.jpg"
    fake.write_text("Đây là văn bản, không phải ảnh.", encoding="utf-8")
    page = desktop_page
    log_in(page, live_server, writer, next_path=ADD_URL)
    page.wait_for_selector(".ck-editor__editable")
    page.locator(".ck-editor__editable").click()

    messages = []
    page.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    with page.expect_response(lambda r: UPLOAD_PATH in r.url) as refused:
        page.set_input_files(".ck-toolbar input[type=file]", str(fake))
    assert refused.value.status == 400
    page.wait_for_function("() => !document.querySelector('.ck-editor__editable img')")
    page.screenshot(path=screenshot_dir / "anh-bi-tu-choi.png")
    assert messages == ["Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG, WebP hoặc GIF."]
    assert list(Path(django_settings.MEDIA_ROOT).rglob("*.*")) == []
