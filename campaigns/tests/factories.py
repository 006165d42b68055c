"""Campaign test data in bulk."""

import datetime
from decimal import Decimal

from campaigns.models import Entry


def make_entries(indicator, count, areas, start=datetime.date(2020, 1, 1)):
    """`count` entries spread over areas (and the ward itself) and over five years."""
    rows = []
    for number in range(count):
        area = (areas + [None])[number % (len(areas) + 1)]
        rows.append(
            Entry(
                indicator=indicator,
                date=start + datetime.timedelta(days=(number * 7) % 1800),
                area=area,
                quantity=Decimal(number % 5 + 1),
                money=(number % 7 + 1) * 100_000,
                participants=number % 11,
                doubtful=number % 997 == 0,
                doubt_note="Số liệu thử nghiệm" if number % 997 == 0 else "",
            )
        )
    Entry.objects.bulk_create(rows, batch_size=2000)
    return rows
