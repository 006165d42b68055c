"""The site search finds news, meetings, documents and campaigns, grouped by type with counts,
typed with or without diacritics, and never shows a leaders-only meeting to others."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign
from documents.models import Document
from documents.tests.documents import make_document
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

URL = reverse("search")


def group(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def counts(html):
    summary = html[html.index('class="search-summary"') :]
    found = re.search(
        r"Tìm thấy (\d+) tin, (\d+) hội nghị, \d+ văn bản, (\d+) cuộc vận động", summary
    )
    return tuple(int(n) for n in found.groups())


def test_folded_query_finds_the_gatherings_meeting_and_article(client):
    call_command("load_demo", stdout=StringIO())

    html = client.get(URL, {"q": "khong gian dai doan ket"}).content.decode()

    meetings = group(html, "ket-qua-hoi-nghi")
    gathering = Meeting.objects.get(kind=Meeting.Kind.UNITY_SPACE)
    assert gathering.get_absolute_url() in meetings
    assert gathering.article.get_absolute_url() in group(html, "ket-qua-tin-tuc")
    articles, meeting_count, _ = counts(html)
    assert articles >= 1 and meeting_count >= 1


def test_search_finds_campaigns_without_diacritics(client, fund, poor_day):
    html = client.get(URL, {"q": "quy vi nguoi ngheo"}).content.decode()

    campaigns = group(html, "ket-qua-van-dong")
    assert fund.get_absolute_url() in campaigns
    assert poor_day.get_absolute_url() not in campaigns
    assert counts(html) == (0, 0, 1)
    assert "Cuộc vận động (1)" in html


def test_leaders_only_meeting_is_found_by_leaders_only(
    client, leader, staff_outside_leaders, internal_meeting, public_meeting
):
    query = {"q": "ban thuong truc nhan su"}
    for user in (None, staff_outside_leaders):
        if user:
            client.force_login(user)
        html = client.get(URL, query).content.decode()
        assert internal_meeting.title not in html
        assert counts(html)[1] == 0

    client.force_login(leader)
    html = client.get(URL, query).content.decode()
    assert internal_meeting.get_absolute_url() in group(html, "ket-qua-hoi-nghi")
    assert counts(html)[1] == 1


@pytest.fixture(params=[5, 200], ids=lambda n: f"{n}-rows")
def lots(request, many_articles, body, committee):
    """`n` matching articles, meetings (every third leaders-only) and campaigns."""
    n = request.param
    many_articles(n)  # "Tin số i về hoạt động khu dân cư"
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            title=f"Hội nghị khu dân cư số {i}",
            slug=f"hoi-nghi-so-{i}",
            starts_at=timezone.now() - datetime.timedelta(days=i),
            visibility="leaders" if i % 3 == 0 else "public",
            search_text=f"hoi nghi khu dan cu so {i}",
        )
        for i in range(n)
    )
    Campaign.objects.bulk_create(
        Campaign(
            name=f"Phong trào khu dân cư số {i}",
            slug=f"phong-trao-{i}",
            body=committee,
            description="Xây dựng khu dân cư văn hóa",
        )
        for i in range(n)
    )
    return n


def test_search_queries(client, django_assert_num_queries, lots):
    query = {"q": "khu dan cu"}
    client.get(URL, query)  # warms the ward record and the campaigns list
    # a page of ranked articles, of meetings and of documents, each carrying its count;
    # the static pages' stamp (campaigns and the pages' text come from the cache)
    with django_assert_num_queries(4):
        html = client.get(URL, query).content.decode()
    public_meetings = lots - (lots + 2) // 3
    assert counts(html) == (lots, public_meetings, lots)


def test_search_finds_public_documents_without_diacritics_and_hides_leaders_only_ones(client):
    public = make_document(number="15/NQ-MTTQ", summary="Nghị quyết về nhà tình thương")
    internal = make_document(
        number="02/BB-MTTQ",
        summary="Biên bản nhà tình thương nội bộ",
        visibility=Document.Visibility.LEADERS,
    )

    html = client.get(URL, {"q": "nha tinh thuong"}).content.decode()

    documents = group(html, "ket-qua-van-ban")
    assert public.get_absolute_url() in documents
    assert internal.get_absolute_url() not in documents and internal.number not in html
    assert "1 văn bản" in html
