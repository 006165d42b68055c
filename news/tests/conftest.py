"""News test data: one section, and articles in every state a resident must or must not see."""

import datetime

import pytest
from django.utils import timezone

from mattran.text import fold
from news.models import Article, Category


@pytest.fixture
def category(db):
    return Category.objects.create(name="Hoạt động Mặt trận", order=1)


@pytest.fixture
def other_category(db):
    return Category.objects.create(name="Khu dân cư", order=2)


@pytest.fixture
def make_article(category):
    def make(title, *, tags=(), **fields):
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        if fields["status"] == Article.Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
        fields.setdefault("sapo", f"Tóm tắt: {title}")
        fields.setdefault("body", f"<p>Nội dung bài {title}.</p>")
        article = Article.objects.create(title=title, **fields)
        if tags:
            article.tags.add(*tags)
        return article

    return make


@pytest.fixture
def article(make_article):
    return make_article(
        "Ra quân Ngày đại đoàn kết vì cộng đồng",
        sapo="Các khu phố cùng ra quân dọn vệ sinh, trồng cây xanh.",
        body="<p>Sáng Chủ Nhật, hơn 300 người dân tham gia.</p>",
        author="Việt Thắng",
        photo_credit="Thanh An",
        tags=["Đại đoàn kết"],
        featured=True,
    )


@pytest.fixture
def hidden_articles(make_article, category):
    """A draft, one waiting for review and one scheduled for tomorrow, all tagged and
    dated like public ones, with a word of their own to search for."""
    now = timezone.now()
    return [
        make_article(
            "Bài nháp chưa duyệt zzbimat",
            status=Article.Status.DRAFT,
            published_at=now - datetime.timedelta(hours=2),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
        make_article(
            "Bài chờ duyệt zzbimat",
            status=Article.Status.REVIEW,
            published_at=now - datetime.timedelta(hours=2),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
        make_article(
            "Bài hẹn giờ ngày mai zzbimat",
            published_at=now + datetime.timedelta(days=1),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
    ]


@pytest.fixture
def many_articles(category, other_category):
    """n public articles spread over two sections, made in one INSERT; ids from
    `first_pk` when given (the database's sequence otherwise)."""

    def make(n, first_pk=None):
        start = timezone.now() - datetime.timedelta(days=1)
        articles = []
        for i in range(n):
            title = f"Tin số {i} về hoạt động khu dân cư"
            articles.append(
                Article(
                    pk=None if first_pk is None else first_pk + i,
                    title=title,
                    slug=f"tin-so-{i}",
                    category=category if i % 2 else other_category,
                    sapo="Tóm tắt tin.",
                    body="<p>Nội dung.</p>",
                    status=Article.Status.PUBLISHED,
                    published_at=start - datetime.timedelta(minutes=i),
                    featured=i % 10 == 0,
                    search_text=fold(f"{title} nha tinh thuong"),
                )
            )
        return Article.objects.bulk_create(articles)

    return make


@pytest.fixture
def draft(make_article):
    return make_article("Bản nháp về ngày hội đại đoàn kết", status=Article.Status.DRAFT)


@pytest.fixture
def published(make_article):
    return make_article("Ra quân vệ sinh môi trường")
