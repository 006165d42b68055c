"""What staff hide or unpublish is gone for every visitor at once: with several gunicorn
workers on the embedded default cache (no REDIS_URL), and after a Redis blip.

Issue 17: 9 of 24 anonymous requests still got a meeting made leaders-only (each worker
kept its own page cache and content version); a bump written while Redis did not answer
was lost and the old public page came back with Redis.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from mattran.lib.redis_cache import cache_settings, cut_out
from meetings.models import Visibility
from ops.tests.faultproxy import DROP, PASS, REFUSE, FaultProxy
from ops.tests.servers import database_url, fetch, manage, production_server, server_env

WORKERS = 4
VISITS = 32


def fetch_all(urls):
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(fetch, urls))


@pytest.mark.django_db(transaction=True)
def test_with_several_workers_and_no_redis_hidden_content_is_gone_for_every_visitor(
    tmp_path, public_meeting, make_article, reviewer
):
    article = make_article("Ra quân vệ sinh môi trường")
    env = server_env(database_url(tmp_path), tmp_path)  # no REDIS_URL: local memory
    with production_server(env, WORKERS, tmp_path) as base:
        meeting_url = base + public_meeting.get_absolute_url()
        article_url = base + article.get_absolute_url()
        # Many at once, so every worker renders and stores both public pages.
        warm = fetch_all([meeting_url, article_url] * VISITS)
        assert {status for status, _, _ in warm} == {200}

        # Staff hide both from another process of the site (the admin runs in one worker,
        # cron and management commands in none): the workers must all know.
        manage(
            env,
            "from django.contrib.auth import get_user_model\n"
            "from meetings.models import Meeting\n"
            "from news.models import Article\n"
            f"m = Meeting.objects.get(pk={public_meeting.pk})\n"
            "m.visibility = 'leaders'\n"
            "m.save()\n"
            f"Article.objects.get(pk={article.pk}).unpublish("
            f"get_user_model().objects.get(pk={reviewer.pk}))\n",
        )
        after = fetch_all([meeting_url, article_url] * VISITS)

    stale = [body for status, body, _ in after if status != 404]
    assert not stale, f"{len(stale)} of {len(after)} visits still got the hidden page"
    assert public_meeting.title not in "".join(body for _, body, _ in after)


# A Redis blip -------------------------------------------------------------------------


@pytest.fixture
def redis_through(settings):
    """The site's cache is a real Redis (database 9 of the local server) reached through
    a proxy the test can break; django-redis configured as in production."""
    from django.core.cache import cache

    with FaultProxy(6379) as proxy:
        settings.CACHES = {"default": cache_settings(f"redis://127.0.0.1:{proxy.port}/9")}
        settings.PAGE_CACHE_SECONDS = 300
        cut_out.reset()
        cache.clear()
        yield proxy
        proxy.mode = PASS
        cut_out.reset()
        cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("fault", [DROP, REFUSE])
def test_a_meeting_hidden_while_redis_did_not_answer_stays_hidden_when_it_is_back(
    redis_through, public_meeting, fault
):
    url = public_meeting.get_absolute_url()
    visitor = Client()
    assert visitor.get(url).status_code == 200
    assert visitor.get(url).wsgi_request.page_cache == "hit"  # stored in Redis

    redis_through.mode = fault
    public_meeting.visibility = Visibility.LEADERS
    public_meeting.save()  # the "forget cached pages" write, with Redis away
    redis_through.mode = PASS

    assert visitor.get(url).status_code == 404
