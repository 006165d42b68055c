"""Time the admin article list with a large archive on a real database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_workflow \\
        .venv/bin/python bench/admin.py --articles 100000 --runs 20

Migrates the database named by DATABASE_URL, tops it up to --articles articles
with bulk_create (run it again and it reuses them), then requests each list view
through Django's test client as a reviewer and prints median and p95 server time
and the number of SQL queries. Never point it at a database you care about.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from mattran import roles  # noqa: E402
from news.models import Article, Category  # noqa: E402

URLS = {
    "list, first page": "/quan-tri/news/article/",
    "list, page 500": "/quan-tri/news/article/?p=500",
    "filter: published": "/quan-tri/news/article/?status__exact=published",
    "filter: section": "/quan-tri/news/article/?category__id__exact={category}",
    "date drill-down": "/quan-tri/news/article/?published_at__year={year}",
    "search (folded)": "/quan-tri/news/article/?q=bai+so+4242",
}


def top_up(target, batch=5000):
    categories = [Category.objects.get_or_create(name=f"Chuyên mục {n}")[0] for n in range(10)]
    have = Article.objects.count()
    now = timezone.now()
    statuses = [Article.Status.PUBLISHED] * 8 + [Article.Status.DRAFT, Article.Status.REVIEW]
    while have < target:
        size = min(batch, target - have)
        Article.objects.bulk_create(
            Article(
                title=f"Bài số {n} về hoạt động Mặt trận",
                slug=f"bench-bai-so-{n}",
                category=categories[n % 10],
                status=statuses[n % 10],
                published_at=now - timedelta(hours=n),
                sapo="Tóm tắt bài viết thử.",
                body="<p>Nội dung bài viết thử.</p>" * 20,
                search_text=f"bai so {n} ve hoat dong mat tran",
            )
            for n in range(have, have + size)
        )
        have += size
        print(f"  {have} articles", flush=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE news_article")
    return categories[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    category = top_up(args.articles)
    reviewer, _ = User.objects.get_or_create(username="bench-reviewer", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    client = Client()
    client.force_login(reviewer)
    year = timezone.now().year - 1

    print(f"{connection.vendor}, {Article.objects.count()} articles, {args.runs} runs each")
    # Wall time suffers from other load on the machine; CPU ms (this process only)
    # and SQL ms (as the database reports per query) are steadier.
    header = f"{'view':<20} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>8} {'SQL ms':>8}"
    print(f"{header} {'queries':>8}")
    for name, url in URLS.items():
        url = url.format(category=category.pk, year=year)
        client.get(url)  # warm caches and connections
        times, sql_times, cpu_times = [], [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start, cpu_start = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                cpu_times.append((time.process_time() - cpu_start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            sql_times.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        median, sql = statistics.median(times), statistics.median(sql_times)
        cpu = statistics.median(cpu_times)
        print(f"{name:<20} {median:>10.1f} {p95:>8.1f} {cpu:>8.1f} {sql:>8.1f} {len(queries):>8}")


if __name__ == "__main__":
    main()
