"""Time the campaign pages with many entries: queries per page and render times.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_campaigns \
        .venv/bin/python bench/campaigns.py --entries 100000 --runs 30

Migrates the database it is given, (re)creates one campaign named "Đo tải" with two
indicators and `--entries` entries spread over five residential areas and ten years,
then renders /van-dong/, the campaign page and a year dashboard through the full
middleware stack. Run it against a scratch database: it adds data.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings.base")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from campaigns import cache  # noqa: E402
from campaigns.models import Campaign, Entry, Indicator, Target  # noqa: E402
from mattran.models import ResidentialArea  # noqa: E402

NAME = "Đo tải"


def build(count):
    Entry.objects.filter(indicator__campaign__name=NAME).delete()
    Campaign.objects.filter(name=NAME).delete()
    areas = [
        ResidentialArea.objects.get_or_create(name=f"Khu phố đo tải {n}", defaults={"order": n})[0]
        for n in range(1, 6)
    ]
    campaign = Campaign.objects.create(name=NAME, kind=Campaign.Kind.FUND)
    money = Indicator.objects.create(
        campaign=campaign, name="Tiền quỹ", unit="dong", kind="money", order=1
    )
    rice = Indicator.objects.create(
        campaign=campaign, name="Gạo", unit="kg", kind="weight", order=2
    )
    Target.objects.create(
        indicator=money,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        value=Decimal(10**12),
    )
    start = datetime.date(2015, 1, 1)
    rows = []
    for n in range(count):
        indicator = money if n % 2 else rice
        rows.append(
            Entry(
                indicator=indicator,
                date=start + datetime.timedelta(days=n % 3650),
                area=(areas + [None])[n % 6],
                quantity=None if indicator is money else Decimal(n % 50 + 1),
                money=(n % 90 + 10) * 10_000 if indicator is money else None,
                participants=n % 13,
                doubtful=n % 5000 == 0,
                doubt_note="đo tải" if n % 5000 == 0 else "",
            )
        )
    Entry.objects.bulk_create(rows, batch_size=5000)
    return campaign


class QueryLog:
    """Counts and times the SQL of one request (Django clears its own log per request)."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - began) * 1000, sql))


def measure(client, url, runs, verbose=False):
    client.get(url)  # warm caches and connections
    log = QueryLog()
    with connection.execute_wrapper(log):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if verbose:
        for took, sql in log.queries:
            print(f"    {took:7.1f} ms  {sql[:110]}")
    cold_log = QueryLog()
    with connection.execute_wrapper(cold_log):
        cache.bump()
        client.get(url)
    return (
        len(cold_log.queries),
        *timed(client, url, runs, cold=True),
        len(log.queries),
        *timed(client, url, runs, cold=False),
    )


def timed(client, url, runs, cold):
    """Median and p95 in ms; `cold` empties the campaign cache before every request."""
    times = []
    for _ in range(runs):
        if cold:
            cache.bump()
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep the entries already built")
    parser.add_argument("--verbose", action="store_true", help="print each query and its time")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    campaign = Campaign.objects.filter(name=NAME).first()
    if not (args.reuse and campaign):
        campaign = build(args.entries)
        print(f"built {args.entries:,} entries in {time.perf_counter() - began:.1f} s")
    print(f"{connection.vendor}: {Entry.objects.count():,} entries in the database")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE campaigns_entry")

    client = Client(SERVER_NAME="localhost")
    pages = {
        "/van-dong/": reverse("campaigns:index"),
        "campaign page": campaign.get_absolute_url(),
        "year 2024": reverse("campaigns:year", args=[2024]),
        "export csv": reverse("campaigns:export", args=[campaign.slug, "csv"]),
    }
    print("cold: campaign cache emptied before each request; warm: figures from the cache")
    print(
        f"{'page':<16}{'cold q':>7}{'median':>9}{'p95':>9}"
        f"{'warm q':>8}{'median':>9}{'p95':>9}   (ms)"
    )
    for label, url in pages.items():
        runs = 2 if label.startswith("export") else args.runs
        cold_q, cold_med, cold_p95, warm_q, warm_med, warm_p95 = measure(
            client, url, runs, args.verbose
        )
        print(
            f"{label:<16}{cold_q:>7}{cold_med:>9.1f}{cold_p95:>9.1f}"
            f"{warm_q:>8}{warm_med:>9.1f}{warm_p95:>9.1f}"
        )


if __name__ == "__main__":
    main()
