"""Time the site search with a large archive on a real database (issue 8: p95 under
150 ms with the cache off).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_search \\
        .venv/bin/python bench/search.py --articles 100000 --runs 30

Migrates the database named by DATABASE_URL, tops it up to --articles public articles
(bulk_create; run it again and it reuses them) whose titles, sapos and bodies are
sentences of the five seed articles shuffled with ward names and numbers, so common
syllables ("mat tran", "phuong", "hoi nghi") are as common as on a real ward site. Then it
requests /tim-kiem/ for each query through Django's test client, page cache off, and
prints median and p95 server time and the SQL queries per request. Never point it at a
database you care about.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.html import escape  # noqa: E402

from mattran.demo import DATA_DIR  # noqa: E402
from mattran.lib.text import nfc  # noqa: E402
from mattran.search.text import search_key  # noqa: E402
from news.models import Article, Category  # noqa: E402

SEEDS = DATA_DIR
QUERIES = [
    "khong gian dai doan ket",
    "nha tinh thuong",
    "hoi nghi",
    "mat tran",
    "phuong",
    "Đại đoàn kết",
    "ban cong tac mat tran khu pho",
    "hiep thuong",
    "bai so 4242",
    "zzkhongco",
]
PLACES = ["khu phố", "khóm", "ấp", "phường", "tổ dân phố"]
OPENINGS = [
    "Hội nghị",
    "Sinh hoạt",
    "Tọa đàm",
    "Ra quân",
    "Trao",
    "Tổng kết",
    "Sơ kết",
    "Tuyên truyền",
    "Thăm hỏi",
    "Họp mặt",
]


def seed_sentences():
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            for sentence in re.split(r"(?<=[.;!?])\s+", nfc(line).strip()):
                if 6 <= len(sentence.split()) <= 80:
                    sentences.append(sentence)
    return sentences


def article(n, sentences, rng, categories, now):
    place = f"{rng.choice(PLACES)} {rng.randint(1, 12)}"
    words = rng.choice(sentences).rstrip(".;!?").split()
    start = rng.randint(0, max(0, len(words) - 8))
    title = f"{rng.choice(OPENINGS)} {' '.join(words[start : start + rng.randint(5, 10)])} {place}"
    title = f"{title[:250]} (bài số {n})"
    sapo = " ".join(rng.sample(sentences, 2))
    paragraphs = [" ".join(rng.sample(sentences, rng.randint(2, 4))) for _ in range(4)]
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return Article(
        title=title,
        slug=f"bench-search-{n}",
        category=categories[n % len(categories)],
        status=Article.Status.PUBLISHED,
        published_at=now - timedelta(minutes=79 * n),  # about 15 years for 100,000
        sapo=sapo,
        body=body,
        search_text=search_key(title, sapo, " ".join(paragraphs)),
    )


def top_up(target, batch=2000):
    categories = [Category.objects.get_or_create(name=f"Chuyên mục {n}")[0] for n in range(8)]
    have = Article.objects.count()
    if have >= target:
        return
    sentences, rng, now = seed_sentences(), random.Random(have), timezone.now()  # noqa: S311 test data
    while have < target:
        size = min(batch, target - have)
        Article.objects.bulk_create(
            article(n, sentences, rng, categories, now) for n in range(have, have + size)
        )
        have += size
        print(f"  {have} articles", flush=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE news_article")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--explain", action="store_true", help="print the news query plans")
    args = parser.parse_args()

    settings.PAGE_CACHE_SECONDS = 0  # the cache off: every request runs its queries
    call_command("migrate", verbosity=0)
    top_up(args.articles)
    client = Client()
    print(f"{connection.vendor}, {Article.objects.count()} articles, {args.runs} runs each")
    header = f"{'query':<32} {'found':>9} {'median ms':>10} {'p95 ms':>8} {'SQL ms':>8}"
    print(f"{header} {'queries':>8}")
    for query in QUERIES:
        response = client.get("/tim-kiem/", {"q": query})  # warm connections and caches
        found = re.search(r'Tin tức <span class="meta">\(([^)]*)\)', response.content.decode())
        found = found.group(1) if found else "-"
        times, sql_times = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get("/tim-kiem/", {"q": query})
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (query, response.status_code)
            sql_times.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        median, sql = statistics.median(times), statistics.median(sql_times)
        print(f"{query:<32} {found:>9} {median:>10.1f} {p95:>8.1f} {sql:>8.1f} {len(queries):>8}")
        if args.explain and connection.vendor == "postgresql":
            news = queries.captured_queries[0]["sql"]
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {news}")
                print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
