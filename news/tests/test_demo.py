"""`manage.py load_demo` turns the five seed articles into clean, public news."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from news.models import Article, Category

pytestmark = pytest.mark.django_db

NOISE = [
    "Thông tin khác",
    "Tin liên quan",
    "image advertisement",
    "image banner",
    "THỐNG KÊ TRUY CẬP",
    "Mời bạn là người đầu tiên",
    "(0)",
    "Loading...",
    "Lượt xem:",
    "Trang 1 / 9",
    "Xem theo ngày",
    "Website các phòng ban",
]


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo(db):
    load_demo()
    return Article.objects.order_by("published_at")


def snapshot():
    return sorted(
        Article.objects.values_list(
            "slug", "title", "category__slug", "body", "published_at", "view_count"
        )
    ) + sorted(Category.objects.values_list("slug", "name"))


def test_demo_loads_the_five_seed_articles_published(demo):
    assert demo.count() == 5
    assert Article.objects.published().count() == 5
    assert demo.filter(title__startswith="HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN").exists()


def test_demo_keeps_real_dates_credits_and_counts(demo):
    dan_van = demo.get(slug__startswith="hoi-nghi-tong-ket-cong-tac-dan-van")
    assert (dan_van.author, dan_van.photo_credit) == ("Việt Thắng", "Thanh An")
    assert dan_van.published_at.date().isoformat() == "2020-01-13"
    khu_pho = demo.get(slug__startswith="khu-pho-1-hoi-nghi")
    assert khu_pho.published_at.isoformat() == "2024-01-18T14:58:00+00:00"
    toa_dam = demo.get(slug__startswith="mat-tran-cua-dai")
    assert toa_dam.view_count == 198


def test_demo_bodies_hold_no_scrape_noise(demo):
    for article in demo:
        for noise in NOISE:
            assert noise not in article.body, (article.slug, noise)
        assert article.title not in article.body


def test_demo_bodies_say_each_paragraph_once(demo):
    for article in demo:
        paragraphs = [p for p in article.body.split("</p>") if p]
        assert len(paragraphs) == len(set(paragraphs)), article.slug
        for first, second in zip(paragraphs, paragraphs[1:], strict=False):
            assert not second.startswith(first), article.slug


def test_demo_files_each_article_under_a_section_with_tags(demo):
    for article in demo:
        assert article.category.name
        assert article.tags.exists(), article.slug
    assert Category.objects.count() == 3


def test_running_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_search_without_diacritics_finds_the_nha_tinh_thuong_article(client, demo):
    response = client.get(reverse("search"), {"q": "nha tinh thuong"})
    first = response.context["results"][0]
    assert first.title.startswith("HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN")
    assert "nhà tình thương" in first.body
    assert first.title in response.content.decode()


def test_demo_home_shows_the_seed_articles(client, demo):
    page = client.get("/").content.decode()
    for article in demo:
        assert article.title in page
