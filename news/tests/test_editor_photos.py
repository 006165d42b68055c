"""Photos staff upload: the article cover in the admin and images in the editor.

Bad files are refused with a Vietnamese message and leave nothing behind; good ones are
stored re-encoded without GPS, under a random name, with renditions cut at upload.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.template import engines
from django.test import Client
from PIL import Image

from mattran.tests import photos
from news.models import Article
from news.tests.editing import (
    ADD_URL,
    UPLOAD_URL,
    article_form,
    grant_news_permissions,
    make_section,
)

NOT_AN_IMAGE = "Tệp này không phải là ảnh hợp lệ. Hãy chọn ảnh JPEG, PNG, WebP hoặc GIF."
BOMB = "Ảnh có kích thước quá lớn (quá 40 triệu điểm ảnh)"
TOO_BIG = "Tệp ảnh quá lớn ("


@pytest.fixture
def section(db):
    return make_section()


@pytest.fixture
def writer(editor):
    return grant_news_permissions(editor)


def stored_files():
    root = Path(django_settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def bad_photos():
    return {
        "fake": (photos.fake_photo, NOT_AN_IMAGE),
        "svg": (photos.svg_photo, NOT_AN_IMAGE),
        "bomb": (photos.bomb_photo, BOMB),
        "oversize": (lambda: photos.oversize_photo(8 * 1024 * 1024), TOO_BIG),
    }


BAD = bad_photos()


# Cover photo in the admin ----------------------------------------------------------


@pytest.mark.parametrize(("make", "message"), BAD.values(), ids=BAD.keys())
def test_a_bad_cover_is_refused_in_the_admin_and_nothing_is_saved(
    client, writer, section, make, message
):
    client.force_login(writer)
    form = article_form(section, title="Tin có ảnh hỏng", cover=make())
    response = client.post(ADD_URL, form)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="Tin có ảnh hỏng"' in page  # the form keeps what was typed
    assert not Article.objects.exists()
    assert stored_files() == []


def test_a_good_cover_is_stored_clean_with_renditions(client, writer, section):
    client.force_login(writer)
    cover = photos.photo(name="IMG_2024 vị trí.jpg", gps=True, width=1600, height=1000)
    response = client.post(ADD_URL, article_form(section, cover=cover))
    assert response.status_code == 302
    article = Article.objects.get()
    name = Path(article.cover.name)
    assert name.parent.as_posix().startswith("news/covers/")
    assert "IMG_2024" not in name.name and len(name.stem) == 32
    with article.cover.open("rb") as stored:
        exif, info = photos.exif_of(stored.read())
    assert dict(exif) == {} and "exif" not in info  # GPS (and every other tag) is gone
    assert [(s["width"], s["height"]) for s in article.cover_renditions["sizes"]] == [
        (400, 250),
        (800, 500),
        (1200, 750),
    ]
    for size in article.cover_renditions["sizes"]:
        assert default_storage.exists(size["name"])


def test_a_cover_assigned_in_the_shell_is_cleaned_too(section):
    article = Article(title="Bài nhập", category=section)
    article.cover = photos.photo(gps=True, width=900, height=600)
    article.save()
    with article.cover.open("rb") as stored:
        exif, _ = photos.exif_of(stored.read())
    assert dict(exif) == {}
    assert [s["width"] for s in article.cover_renditions["sizes"]] == [400, 800, 900]


def test_saving_an_article_again_does_not_cut_renditions_again(section):
    article = Article(title="Bài", category=section, cover=photos.photo())
    article.save()
    before = stored_files()
    article.title = "Bài đã sửa"
    article.save()
    assert stored_files() == before


def test_a_picture_renders_in_renditions_without_a_query(section, django_assert_num_queries):
    Article.objects.create(
        title="Bài", category=section, cover=photos.photo(width=1600, height=1000)
    )
    article = Article.objects.get()
    template = engines["django"].from_string(
        '{% include "includes/_picture.html" with image=article.cover alt=article.title'
        ' sizes="(min-width: 60rem) 40rem, 100vw" %}'
    )
    with django_assert_num_queries(0):
        html = template.render({"article": article})
    url = article.cover.url
    assert f'src="{url}.800x0_q82.jpg"' in html
    assert f"{url}.400x0_q82.jpg 400w, {url}.800x0_q82.jpg 800w, {url}.1200x0_q82.jpg 1200w" in html
    assert 'sizes="(min-width: 60rem) 40rem, 100vw"' in html
    assert 'width="800"' in html and 'height="500"' in html
    assert 'alt="Bài"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html


def test_an_article_without_cover_renders_no_picture(section):
    article = Article.objects.create(title="Bài", category=section)
    template = engines["django"].from_string(
        '{% include "includes/_picture.html" with image=article.cover alt="x" %}'
    )
    assert template.render({"article": article}).strip() == ""


# Images uploaded from the editor -----------------------------------------------------


def test_a_writer_uploads_an_image_and_gets_its_renditions(client, writer):
    client.force_login(writer)
    response = client.post(UPLOAD_URL, {"upload": photos.photo(gps=True, width=1600, height=1000)})
    assert response.status_code == 200
    urls = response.json()["urls"]
    assert set(urls) == {"default", "400", "800", "1200"}
    assert urls["default"] == urls["1200"]
    for width, url in urls.items():
        name = url.removeprefix(django_settings.MEDIA_URL)
        assert name.startswith("editor/")
        with default_storage.open(name) as stored:
            data = stored.read()
        exif, _ = photos.exif_of(data)
        assert dict(exif) == {}
        if width != "default":
            assert Image.open(io.BytesIO(data)).width == int(width)


@pytest.mark.parametrize(("make", "message"), BAD.values(), ids=BAD.keys())
def test_a_bad_editor_upload_is_refused_in_vietnamese_and_nothing_is_stored(
    client, writer, make, message
):
    client.force_login(writer)
    response = client.post(UPLOAD_URL, {"upload": make()})
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert stored_files() == []


def test_a_logged_out_visitor_cannot_upload(client, db):
    response = client.post(UPLOAD_URL, {"upload": photos.photo()})
    assert response.status_code == 403
    body = json.loads(response.content)
    assert body["error"]["message"].startswith("Bạn cần đăng nhập")
    assert stored_files() == []


def test_a_resident_account_cannot_upload(client, leader):
    client.force_login(leader)
    response = client.post(UPLOAD_URL, {"upload": photos.photo()})
    assert response.status_code == 403
    assert stored_files() == []


def test_staff_without_the_news_permission_cannot_upload(client, django_user_model):
    clerk = django_user_model.objects.create_user("vanthu", password="x" * 12, is_staff=True)
    client.force_login(clerk)
    response = client.post(UPLOAD_URL, {"upload": photos.photo()})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == (
        "Tài khoản của bạn không có quyền tải ảnh lên cho bài viết."
    )
    assert stored_files() == []


def test_an_upload_without_the_csrf_token_is_refused(writer):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(writer)
    response = strict.post(UPLOAD_URL, {"upload": photos.photo()})
    assert response.status_code == 403
    assert stored_files() == []


def test_the_upload_endpoint_only_takes_posts(client, writer):
    client.force_login(writer)
    assert client.get(UPLOAD_URL).status_code == 405


def test_the_packages_own_unchecked_upload_url_is_not_exposed(client, writer):
    client.force_login(writer)
    response = client.post("/ckeditor5/image_upload/", {"upload": photos.fake_photo()})
    assert response.status_code == 404


def test_an_uploaded_photo_in_the_body_gets_its_height_on_save(client, writer, section):
    client.force_login(writer)
    urls = client.post(UPLOAD_URL, {"upload": photos.photo(width=1600, height=1000)}).json()["urls"]
    srcset = ", ".join(f"{urls[w]} {w}w" for w in ("400", "800", "1200"))
    # What CKEditor 5 writes for that answer: the largest width, no height.
    written = (
        f'<figure class="image"><img src="{urls["default"]}" srcset="{srcset}" sizes="100vw"'
        ' width="1200"><figcaption>Ảnh</figcaption></figure>'
    )
    article = Article.objects.create(title="Bài", category=section, body=written)
    assert 'sizes="100vw" width="1200" loading="lazy" height="750">' in article.body
    article.save()
    assert article.body.count('height="750"') == 1


@pytest.mark.parametrize(
    "src",
    ["https://example.vn/a.jpg", "/media/../../etc/passwd", "/media/khong-co.jpg", "/static/a.png"],
)
def test_photos_not_ours_or_missing_keep_their_tag(section, src):
    body = f'<p><img src="{src}" width="300" loading="lazy"></p>'
    article = Article.objects.create(title="Bài", category=section, body=body)
    assert article.body == body


def test_a_cover_name_pointing_at_a_missing_file_saves_without_renditions(section):
    article = Article.objects.create(
        title="Bài", category=section, cover="news/covers/khong-co.jpg"
    )
    assert article.cover_renditions == {}


def test_editing_in_the_admin_keeps_the_cover_and_clearing_it_drops_renditions(
    client, writer, section
):
    article = Article.objects.create(title="Bài", category=section, cover=photos.photo())
    cover, renditions = article.cover.name, article.cover_renditions
    client.force_login(writer)
    change_url = f"/quan-tri/news/article/{article.pk}/change/"
    assert client.get(change_url).status_code == 200
    response = client.post(
        change_url, article_form(section, title="Bài đã sửa", edit_version=article.version)
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.cover.name, article.cover_renditions) == (
        "Bài đã sửa",
        cover,
        renditions,
    )
    response = client.post(
        change_url, article_form(section, edit_version=article.version, **{"cover-clear": "on"})
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.cover.name, article.cover_renditions) == ("", {})


@pytest.mark.parametrize("count", [1, 12])
def test_a_list_of_covers_renders_without_a_query_whatever_its_length(
    section, django_assert_num_queries, count
):
    cover = Article.objects.create(title="Bài 0", category=section, cover=photos.photo())
    for n in range(1, count):
        Article.objects.create(
            title=f"Bài {n}",
            category=section,
            cover=cover.cover.name,
            cover_renditions=cover.cover_renditions,
        )
    articles = list(Article.objects.all())
    template = engines["django"].from_string(
        '{% for article in articles %}{% include "includes/_picture.html"'
        ' with image=article.cover alt=article.title sizes="100vw" %}{% endfor %}'
    )
    with django_assert_num_queries(0):
        html = template.render({"articles": articles})
    assert html.count("<img") == count
    assert html.count("srcset=") == count


def test_a_transparent_png_from_the_editor_stays_a_png_with_png_renditions(client, writer):
    client.force_login(writer)
    response = client.post(
        UPLOAD_URL, {"upload": photos.upload("logo.png", photos.png_bytes(900, 300), "image/png")}
    )
    assert response.status_code == 200
    urls = response.json()["urls"]
    assert set(urls) == {"default", "400", "800", "900"}
    for url in urls.values():
        with default_storage.open(url.removeprefix(django_settings.MEDIA_URL)) as stored:
            image = Image.open(stored)
            assert (image.format, image.mode) == ("PNG", "RGBA")
