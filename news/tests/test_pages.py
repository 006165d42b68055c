"""Each public news page answers 200 with what a resident came for."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mattran.lib.text import format_date_vi
from news.models import Article

pytestmark = pytest.mark.django_db


def test_home_shows_featured_latest_and_section_blocks(client, article, make_article, category):
    newer = make_article("Lễ khởi công đường Rạch Ngã Am")
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tin nổi bật" in page and article.title in page
    assert "Tin mới" in page and newer.title in page
    assert f'id="category-{category.slug}"' in page


def home_section(page, heading_id):
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def titles_in(html, articles):
    links = re.findall(r'href="(/tin-tuc/[^/"]+/)"', html)
    found = [a for a in articles if a.get_absolute_url() in links]
    return [a.title for a in sorted(found, key=lambda a: links.index(a.get_absolute_url()))]


def test_home_featured_latest_and_blocks_each_take_their_newest(
    client, make_article, category, other_category
):
    now = timezone.now()

    def at(hours, title, **fields):
        return make_article(title, published_at=now - datetime.timedelta(hours=hours), **fields)

    # Five featured, the newest article of all among them: the three newest lead, and
    # "Tin mới" still shows six once they are set aside.
    featured = [at(h, f"Nổi bật {h}", featured=True) for h in (30, 10, 0.5, 20, 40)]
    plain = [at(h, f"Tin {h}", category=other_category) for h in (1, 2, 3, 4, 5, 6, 7, 60)]
    everything = featured + plain

    page = client.get("/").content.decode()

    assert titles_in(home_section(page, "featured-title"), everything) == [
        "Nổi bật 0.5",
        "Nổi bật 10",
        "Nổi bật 20",
    ]
    assert titles_in(home_section(page, "latest-title"), everything) == [
        "Tin 1",
        "Tin 2",
        "Tin 3",
        "Tin 4",
        "Tin 5",
        "Tin 6",
    ]
    assert titles_in(home_section(page, f"category-{category.slug}"), everything) == [
        "Nổi bật 0.5",
        "Nổi bật 10",
        "Nổi bật 20",
        "Nổi bật 30",
    ]
    assert titles_in(home_section(page, f"category-{other_category.slug}"), everything) == [
        "Tin 1",
        "Tin 2",
        "Tin 3",
        "Tin 4",
    ]


def test_home_section_block_holds_only_its_newest_four(client, make_article, category):
    for i in range(6):
        make_article(f"Tin khu phố thứ {i}", published_at=timezone.now() - datetime.timedelta(i))
    page = client.get("/").content.decode()
    block = page.split(f'id="category-{category.slug}"')[1]
    assert "Tin khu phố thứ 3" in block
    assert "Tin khu phố thứ 4" not in block


def test_home_blocks_keep_small_sections_and_skip_empty_ones(
    client, make_article, category, other_category
):
    from news.models import Category

    empty = Category.objects.create(name="Chuyên mục trống", order=3)
    make_article("Tin duy nhất của khu dân cư", category=other_category)
    for i in range(5):
        make_article(f"Tin cùng giờ {i}", published_at=timezone.now() - datetime.timedelta(days=1))
    page = client.get("/").content.decode()
    assert "Tin duy nhất của khu dân cư" in page.split(f'id="category-{other_category.slug}"')[1]
    block = page.split(f'id="category-{category.slug}"')[1].split("</section>")[0]
    assert block.count('class="card__title"') == 4
    assert f'id="category-{empty.slug}"' not in page


def test_news_index_lists_articles_and_paginates(client, many_articles):
    many_articles(30)
    first = client.get(reverse("news:index")).content.decode()
    second = client.get(reverse("news:index") + "?page=2").content.decode()
    assert "Tin số 0 về" in first and "Tin số 12 về" not in first
    assert "Tin số 12 về" in second
    assert "Trang 1 / 3" in first


def test_category_page_lists_only_its_articles(client, article, make_article, other_category):
    elsewhere = make_article("Tin ở khu dân cư khác", category=other_category)
    response = client.get(article.category.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert article.title in page
    assert elsewhere.title not in page


def test_article_page_shows_everything_a_reader_needs(client, article):
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="article__title">{article.title}</h1>' in page
    assert format_date_vi(article.published_at) in page
    assert article.sapo in page
    assert "hơn 300 người dân" in page
    assert "Tin: Việt Thắng" in page and "Ảnh: Thanh An" in page
    assert "Lượt xem: 0" in page
    assert reverse("news:tag", kwargs={"tag": article.tags.get().slug}) in page
    facebook = "https://www.facebook.com/sharer/sharer.php?u="
    assert f"{facebook}http%3A%2F%2Ftestserver%2Ftin-tuc%2F{article.slug}%2F" in page
    assert "data-share-zalo" in page and "data-copy-link" in page
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in page
    assert f'<meta property="og:title" content="{article.title}">' in page
    assert reverse("news:print", kwargs={"slug": article.slug}) in page


def test_article_page_lists_related_news_from_its_section_and_tags(
    client, article, make_article, other_category
):
    earlier = timezone.now() - datetime.timedelta(hours=2)
    same_section = make_article("Cùng chuyên mục", published_at=earlier)
    same_tag = make_article(
        "Cùng thẻ", category=other_category, tags=["Đại đoàn kết"], published_at=earlier
    )
    unrelated = make_article("Không liên quan", category=other_category, published_at=earlier)
    article.save()  # staff edit it: its other news are worked out again
    page = client.get(article.get_absolute_url()).content.decode()
    related = page.split("Thông tin khác")[1]
    assert same_section.title in related and same_tag.title in related
    assert unrelated.title not in related


def test_related_news_are_the_five_newest_of_both_kinds_each_once(
    client, article, make_article, other_category
):
    # Published before the article read (an hour ago): what a reader saw then.
    now = timezone.now() - datetime.timedelta(hours=1)

    def ago(hours):
        return now - datetime.timedelta(hours=hours)

    section = [make_article(f"Cùng mục {h}", published_at=ago(h)) for h in (2, 4, 6, 8)]
    tagged = [
        make_article(
            f"Cùng thẻ {h}", category=other_category, tags=["Đại đoàn kết"], published_at=ago(h)
        )
        for h in (3, 5, 7)
    ]
    both = make_article("Cả hai", tags=["Đại đoàn kết"], published_at=ago(1))
    make_article("Không liên quan", category=other_category, published_at=ago(0.5))
    article.save()  # staff edit it: its other news are worked out again

    related = client.get(article.get_absolute_url()).content.decode().split("Thông tin khác")[1]

    links = re.findall(r'href="(/tin-tuc/[^/"]+/)"', related)
    articles = [a for a in [both, *section, *tagged] if a.get_absolute_url() in links]
    shown = sorted(articles, key=lambda a: links.index(a.get_absolute_url()))
    assert [a.title for a in shown] == [
        "Cả hai",
        "Cùng mục 2",
        "Cùng thẻ 3",
        "Cùng mục 4",
        "Cùng thẻ 5",
    ]
    assert len(links) == len(set(links)) == 5
    assert article.get_absolute_url() not in links


def test_article_cover_is_served_in_renditions(client, article, settings, tmp_path):
    article.cover.save("anh.png", _png(size=(1600, 900)), save=True)
    article.cover_caption = "Người dân ra quân dọn vệ sinh"
    article.save()
    page = client.get(article.get_absolute_url()).content.decode()
    caption = "Người dân ra quân dọn vệ sinh"
    cover = page[page.index("<img", page.index("<figure")) :].split(">", 1)[0]
    assert f'alt="{caption}"' in cover and 'loading="lazy"' in cover
    assert "400w" in cover and "800w" in cover and "1200w" in cover
    assert 'width="' in cover and 'height="' in cover
    assert "<figcaption>Người dân ra quân dọn vệ sinh</figcaption>" in page


def test_print_view_has_the_article_and_no_site_navigation(client, article):
    response = client.get(reverse("news:print", kwargs={"slug": article.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    assert article.title in page and "hơn 300 người dân" in page
    assert "site-nav" not in page
    assert "In bài này" in page


def test_by_date_page_lists_that_days_articles(client, article, make_article):
    older = make_article("Tin hôm trước", published_at=article.published_at - datetime.timedelta(2))
    day = timezone.localdate(article.published_at)
    response = client.get(reverse("news:by_date", kwargs={"day": day}))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Tin ngày {format_date_vi(day)}" in page
    assert article.title in page and older.title not in page


def test_date_form_sends_a_good_date_to_its_page(client):
    response = client.get(reverse("news:by_date_form"), {"ngay": "17/05/2024"})
    assert response.status_code == 302
    assert response["Location"] == "/tin-tuc/ngay/2024-05-17/"


def test_date_form_refuses_a_bad_date_in_vietnamese_and_keeps_it(client):
    response = client.get(reverse("news:by_date_form"), {"ngay": "31/02/2024"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in page
    assert 'value="31/02/2024"' in page


def test_impossible_date_in_the_address_is_not_found(client):
    assert client.get("/tin-tuc/ngay/2024-02-30/").status_code == 404


def test_tag_page_lists_tagged_articles(client, article, make_article):
    untagged = make_article("Tin không gắn thẻ")
    response = client.get(reverse("news:tag", kwargs={"tag": article.tags.get().slug}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Thẻ: Đại đoàn kết" in page
    assert article.title in page and untagged.title not in page


def test_unknown_tag_is_not_found(client):
    assert client.get("/the/khong-co-the-nay/").status_code == 404


def test_search_finds_words_typed_without_diacritics(client, article, make_article):
    make_article("Trao nhà tình thương cho hộ nghèo")
    response = client.get(reverse("search"), {"q": "NHA TINH THUONG"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Trao <mark>nhà tình thương</mark> cho hộ nghèo" in page
    assert article.title not in page
    assert "Tìm thấy 1 tin" in page


def test_search_pages_keep_the_query(client, many_articles):
    many_articles(20)
    page = client.get(reverse("search"), {"q": "nha tinh"}).content.decode()
    assert "?q=nha+tinh&amp;page=2" in page


def test_search_says_so_when_nothing_matches(client, article):
    page = client.get(reverse("search"), {"q": "khongcogi"}).content.decode()
    assert "Không tìm thấy tin nào" in page


def test_rss_lists_articles(client, article):
    response = client.get("/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert f"<title>{article.title}</title>" in response.content.decode()


def test_sitemap_index_points_to_each_apps_sitemaps(client, article):
    response = client.get("/sitemap.xml")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<loc>http://testserver/sitemap-news.xml</loc>" in body
    assert "<loc>http://testserver/sitemap-news-categories.xml</loc>" in body


def test_sitemaps_list_articles_and_sections(client, article):
    articles = client.get("/sitemap-news.xml").content.decode()
    sections = client.get("/sitemap-news-categories.xml").content.decode()
    assert f"<loc>http://testserver{article.get_absolute_url()}</loc>" in articles
    assert f"<loc>http://testserver{article.category.get_absolute_url()}</loc>" in sections


def test_tags_get_ascii_slugs_like_every_other_slug(client, article):
    article.tags.add("Ngày hội Đại đoàn kết")
    url = reverse("news:tag", kwargs={"tag": "ngay-hoi-dai-doan-ket"})
    assert client.get(url).status_code == 200


def test_home_without_any_article_says_so(client, hidden_articles):
    page = client.get("/").content.decode()
    assert "Chưa có tin nào được đăng." in page


def test_search_without_words_shows_only_the_form(client, article):
    response = client.get(reverse("search"), {"q": "   "})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-q"' in page
    assert article.title not in page


def test_robots_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_not_found_page_is_in_vietnamese_inside_the_site(client):
    response = client.get("/tin-tuc/khong-co-bai-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page
    assert 'class="site-header"' in page


def test_anonymous_pages_set_no_cookie(client, article):
    for url in ["/", "/tin-tuc/", article.get_absolute_url(), "/tim-kiem/?q=doan+ket"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Cache-Control" not in response, url


def test_staff_preview_context_renders_the_banner_and_no_beacon(rf, make_article):
    from django.template.loader import render_to_string

    draft = make_article("Bài đang soạn", status=Article.Status.DRAFT, published_at=None)
    html = render_to_string(
        "news/article_detail.html",
        {"article": draft, "related": [], "is_preview": True},
        request=rf.get("/quan-tri/"),
    )
    assert "Bản xem trước — bài chưa xuất bản" in html
    assert "data-view-beacon" not in html


def _png(size=(8, 6)):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def test_search_puts_the_whole_phrase_first(client, make_article):
    long_ago = timezone.now() - datetime.timedelta(days=9)
    make_article("Nhà tình thương ở khóm Tân An", published_at=long_ago)
    make_article("Thường trực thăm hỏi nhân dân, tình hình mới")
    results = client.get(reverse("search"), {"q": "nha tinh thuong"}).context["results"]
    assert [article.title for article in results][0] == "Nhà tình thương ở khóm Tân An"
