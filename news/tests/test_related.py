""" "Thông tin khác" worked out on write (news/related.py): what the page shows, when it
changes, and the one-pass backfill agreeing with the query an article's save runs."""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from taggit.models import TaggedItem

from news import related
from news.models import Article


def _other_news_titles(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    if "Thông tin khác" not in page:
        return ""
    return page.split("Thông tin khác")[1]


def test_news_published_after_an_article_are_not_its_other_news(client, article, make_article):
    later = make_article("Tin đăng sau", published_at=timezone.now())
    earlier = make_article(
        "Tin đăng trước", published_at=timezone.now() - datetime.timedelta(days=1)
    )
    article.save()
    shown = _other_news_titles(client, article)
    assert earlier.title in shown
    assert later.title not in shown
    # ...and the later one lists the article it followed.
    later.save()
    assert article.title in _other_news_titles(client, later)


def test_tagging_an_article_gives_it_the_news_of_that_tag(
    client, article, make_article, other_category
):
    day_before = timezone.now() - datetime.timedelta(days=1)
    tagged = make_article(
        "Trao nhà tình thương",
        category=other_category,
        tags=["Nhà tình thương"],
        published_at=day_before,
    )
    assert tagged.title not in _other_news_titles(client, article)
    article.tags.add("Nhà tình thương")
    assert tagged.title in _other_news_titles(client, article)
    article.tags.remove("Nhà tình thương")
    assert tagged.title not in _other_news_titles(client, article)


def test_an_article_taken_off_the_site_leaves_the_list_for_the_next(
    client, article, make_article, reviewer
):
    base = timezone.now() - datetime.timedelta(days=1)
    older = [
        make_article(f"Tin cũ {n}", published_at=base - datetime.timedelta(hours=n))
        for n in range(related.SHOWN + 1)
    ]
    article.save()
    shown = _other_news_titles(client, article)
    assert older[0].title in shown and older[related.SHOWN].title not in shown
    older[0].unpublish(reviewer)
    shown = _other_news_titles(client, article)
    assert older[0].title not in shown
    assert older[related.SHOWN].title in shown  # a spare id takes its place


def test_the_one_pass_backfill_agrees_with_the_query_of_a_save(
    make_article, category, other_category
):
    rng = random.Random(20)
    start = timezone.now() - datetime.timedelta(days=60)
    tags = ["Đại đoàn kết", "Nhà tình thương", "Khuyến học", "Môi trường"]
    for n in range(40):
        status = rng.choice([Article.Status.PUBLISHED] * 4 + [Article.Status.DRAFT])
        make_article(
            f"Bài {n}",
            category=rng.choice([category, other_category]),
            status=status,
            published_at=start + datetime.timedelta(hours=rng.randint(0, 1000)),
            tags=rng.sample(tags, rng.randint(0, 2)),
        )
    Article.objects.update(related_ids=[])
    content_type = ContentType.objects.get_for_model(Article)
    related.rebuild(Article, TaggedItem, content_type.pk)
    for article in Article.objects.all():
        assert article.related_ids == article.other_news_ids(), article.title
    assert any(len(a.related_ids) == related.KEPT for a in Article.objects.all())
