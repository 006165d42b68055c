"""`manage.py generate_data` on a small scale: what it adds, and that the rows are what
save() would have stored (unique slugs, folded search text, visible when public)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Entry
from documents.models import Document
from mattran.lib.text import strip_diacritics
from meetings.models import Attendance, Meeting
from news.models import Article, Category

pytestmark = pytest.mark.django_db

SMALL = {"articles": 50, "meetings": 6, "entries": 40, "documents": 5}


def generate(seed=7, **counts):
    call_command("generate_data", no_demo=True, seed=seed, stdout=io.StringIO(), **(SMALL | counts))


@pytest.fixture
def sections(db):
    return [
        Category.objects.create(name="Hoạt động Mặt trận", order=1),
        Category.objects.create(name="Khu dân cư", order=2),
    ]


def test_adds_the_requested_counts(sections):
    generate()
    assert Article.objects.count() == 50
    assert Meeting.objects.count() == 6
    assert Entry.objects.count() == 40
    assert Document.objects.count() == 5
    assert Attendance.objects.count() >= 6 * 5
    assert set(Article.objects.values_list("category", flat=True)) <= {c.pk for c in sections}


def test_a_second_run_adds_on_top_with_slugs_still_unique(sections):
    generate()
    generate()  # same seed: the same titles again, so every slug must be suffixed
    assert Article.objects.count() == 100
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 100
    assert Meeting.objects.count() == 12
    assert Meeting.objects.values("slug").distinct().count() == 12
    assert Document.objects.values("slug").distinct().count() == 10


def test_the_same_seed_gives_the_same_articles(sections):
    generate(seed=3)
    first = list(Article.objects.order_by("pk").values_list("title", "status", "published_at"))
    Article.objects.all().delete()
    generate(seed=3)
    again = list(Article.objects.order_by("pk").values_list("title", "status", "published_at"))
    # Dates are drawn relative to "now", which moved on between the runs.
    assert [(t, s) for t, s, _ in first] == [(t, s) for t, s, _ in again]


def test_search_text_is_what_save_writes(sections):
    generate()
    for article in Article.objects.all()[:10]:
        stored = article.search_text
        article.save()  # the model's own key: title | sapo | body, folded
        assert stored == article.search_text
        # No tone marks, no "đ", lower case: what a visitor's unaccented query meets.
        assert article.search_text == strip_diacritics(article.search_text).lower()
    meeting = Meeting.objects.first()
    stored = meeting.search_text
    meeting.update_search_text()  # what the model itself writes from its attendees
    assert stored == meeting.search_text
    document = Document.objects.first()
    stored = document.search_text
    document.save()
    assert stored == document.search_text


def test_published_articles_are_on_the_public_pages_and_others_are_not(client, sections):
    generate(articles=60)
    public = Article.objects.published()
    newest = public.newest_first().first()
    assert newest.title in client.get(reverse("news:index")).content.decode()
    assert client.get(newest.get_absolute_url()).status_code == 200
    # Seed 7 makes a few drafts, articles under review or scheduled ones among the 60.
    hidden = Article.objects.exclude(pk__in=public.values("pk"))
    assert hidden.exists()
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404
    assert public.count() >= 50
    assert not public.filter(published_at__gt=timezone.now()).exists()


def test_meetings_and_documents_pages_open(client, sections):
    generate()
    meeting = Meeting.objects.public().first()
    assert client.get(meeting.get_absolute_url()).status_code == 200
    document = Document.objects.public().first()
    assert client.get(document.get_absolute_url()).status_code == 200


def test_negative_counts_are_refused(sections):
    with pytest.raises(Exception, match="không được âm"):
        generate(articles=-1)
