"""Two saves of one record at the same instant, from two threads on two PostgreSQL
connections: exactly one wins, the other is refused with the Vietnamese message.

Both threads are held at the door of the save (after their forms passed validation,
so both believe their version is current) and let through together: only the
conditional UPDATE in mattran/lib/concurrency.py can then tell them apart. SQLite has one
writer and an in-memory test database per connection, so this runs on PostgreSQL only.
"""

import datetime
import threading

import pytest
from django.db import connections
from django.utils import timezone

from campaigns.models import Campaign, Entry, Indicator
from mattran.lib import concurrency
from mattran.models import Body
from mattran.tests.concurrent_edits import open_form, staff_client
from meetings.models import Meeting
from news.models import Article, Category

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgresql,  # two real database connections racing
]


def an_article():
    section = Category.objects.create(name="Hoạt động Mặt trận")
    article = Article.objects.create(title="Bài hai người cùng sửa", category=section)
    return article, "article_form", "/quan-tri/news/article/{}/change/", "sapo"


def a_meeting():
    body = Body.objects.create(name="Ủy ban MTTQ phường", kind=Body.Kind.COMMITTEE)
    meeting = Meeting.objects.create(
        body=body, title="Hội nghị hai người cùng sửa", starts_at=timezone.now()
    )
    return meeting, "meeting_form", "/quan-tri/meetings/meeting/{}/change/", "place"


def an_entry():
    body = Body.objects.create(name="Ủy ban MTTQ phường", kind=Body.Kind.COMMITTEE)
    campaign = Campaign.objects.create(name="Quỹ Vì người nghèo", body=body)
    indicator = Indicator.objects.create(
        campaign=campaign, name="Vận động quỹ", unit="dong", kind=Indicator.Kind.MONEY
    )
    entry = Entry.objects.create(indicator=indicator, date=datetime.date(2024, 6, 30), money=1000)
    return entry, "entry_form", "/quan-tri/campaigns/entry/{}/change/", "source"


@pytest.mark.parametrize("make", [an_article, a_meeting, an_entry])
def test_two_saves_at_the_same_instant_one_wins_one_is_refused(
    make, django_user_model, monkeypatch
):
    record, form_id, url, field = make()
    url = url.format(record.pk)
    people = [django_user_model.objects.create_superuser(f"canbo{n}", password="x") for n in (1, 2)]
    clients = [staff_client(person) for person in people]
    forms = [open_form(client, url, form_id) for client in clients]

    door = threading.Barrier(2, timeout=20)
    held = threading.local()
    save_model = concurrency.ConcurrentEditAdmin.save_model

    def save_together(self, request, obj, form, change):
        if not getattr(held, "done", False):
            held.done = True
            door.wait()  # both forms validated; now both claim at once
        return save_model(self, request, obj, form, change)

    monkeypatch.setattr(concurrency.ConcurrentEditAdmin, "save_model", save_together)
    results = [None, None]

    def save(n):
        try:
            typed = forms[n] | {field: f"Giá trị của người thứ {n + 1}"}
            results[n] = clients[n].post(url, typed)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    codes = sorted(response.status_code for response in results)
    assert codes == [200, 302]
    winner = 0 if results[0].status_code == 302 else 1
    refused = results[1 - winner].content.decode()
    assert "đã được canbo" in refused and "sau khi bạn mở trang này" in refused
    assert f"Giá trị của người thứ {2 - winner}" in refused  # what was typed is kept
    record.refresh_from_db()
    assert getattr(record, field) == f"Giá trị của người thứ {winner + 1}"
    assert record.version == 2
