"""A plain save in the admin keeps the moment an article was published, to the microsecond."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from news.models import Article
from news.tests.admin_forms import change_url, form_data

pytestmark = pytest.mark.django_db


def shown_value(html, name):
    """The value the change form puts in the input named `name`, as a browser sends it back."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    return re.search(r'value="([^"]*)"', tag).group(1)


@pytest.fixture
def live(article):
    at = timezone.make_aware(datetime(2026, 3, 5, 9, 41, 27, 123456))
    Article.objects.filter(pk=article.pk).update(published_at=at)
    article.refresh_from_db()
    return article


def test_saving_the_form_as_shown_keeps_seconds_and_microseconds(client, reviewer, live):
    stored = live.published_at
    client.force_login(reviewer)
    page = client.get(change_url(live)).content.decode()
    shown = {
        "published_at_0": shown_value(page, "published_at_0"),
        "published_at_1": shown_value(page, "published_at_1"),
    }

    response = client.post(change_url(live), form_data(live, title="Sửa tiêu đề", **shown))

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Sửa tiêu đề"
    assert live.published_at == stored


def test_a_moment_typed_anew_is_saved(client, reviewer, live):
    client.force_login(reviewer)
    later = timezone.localtime(live.published_at) + timedelta(hours=1)
    data = form_data(
        live,
        published_at_0=later.strftime("%d/%m/%Y"),
        published_at_1=later.strftime("%H:%M"),
    )

    client.post(change_url(live), data)

    live.refresh_from_db()
    assert live.published_at == later.replace(second=0, microsecond=0)
