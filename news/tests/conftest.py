"""News test data: one section and articles made the way staff make them."""

import pytest
from django.utils import timezone

from news.models import Article, Category


@pytest.fixture
def category(db):
    return Category.objects.create(name="Hoạt động Mặt trận")


@pytest.fixture
def make_article(category):
    def make(title="Hội nghị đại đoàn kết toàn dân", **fields):
        fields.setdefault("category", category)
        fields.setdefault("body", "<p>Nội dung bài viết.</p>")
        if fields.get("status") == Article.Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - timezone.timedelta(hours=1))
        return Article.objects.create(title=title, **fields)

    return make


@pytest.fixture
def draft(make_article):
    return make_article("Bản nháp về ngày hội đại đoàn kết")


@pytest.fixture
def published(make_article):
    return make_article("Ra quân vệ sinh môi trường", status=Article.Status.PUBLISHED)
