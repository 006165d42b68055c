"""Generated data for load tests (`manage.py generate_data`): the core's part.

Each app has its own `generate.py` (news, meetings, campaigns, documents); this module
holds what they share: Vietnamese names, a slug allocator that keeps slugs unique
against what the database already has, dates spread over the years, batched inserts,
and the residential areas and people every app's records refer to.

Rows are written with `bulk_create`, so `save()` does not run: every derived field is
filled here with the same helpers `save()` calls (`fold`, `slugify_vi`, `names.sort_key`).
"""

import datetime
import random

from django.utils import timezone

from mattran.lib import names
from mattran.lib.text import fold, nfc, slugify_vi
from mattran.models import Body, Person, ResidentialArea

BATCH = 2000

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi",
    "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Đinh", "Lâm", "Mai", "Tô", "Châu",
]  # fmt: skip
MIDDLE = [
    "Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thu", "Kim", "Công",
    "Đức", "Hoài", "Xuân", "Thúy", "Bảo", "Phước",
]  # fmt: skip
GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa",
    "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nhân", "Phúc",
    "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trung",
    "Tuấn", "Vân", "Việt", "Yến",
]  # fmt: skip
TITLES = [
    "Chủ tịch Ủy ban MTTQ Việt Nam phường",
    "Phó Chủ tịch Ủy ban MTTQ Việt Nam phường",
    "Ủy viên Ban Thường trực Ủy ban MTTQ phường",
    "Bí thư Đảng ủy phường",
    "Phó Bí thư Thường trực Đảng ủy phường",
    "Chủ tịch UBND phường",
    "Phó Chủ tịch UBND phường",
    "Chủ tịch Hội Liên hiệp Phụ nữ phường",
    "Bí thư Đoàn phường",
    "Chủ tịch Hội Cựu chiến binh phường",
    "Chủ tịch Hội Nông dân phường",
    "Trưởng Ban công tác Mặt trận khu phố",
    "Trưởng khu phố",
    "Bí thư Chi bộ khu phố",
    "Trưởng Ban Thanh tra nhân dân phường",
]
AREA_NAMES = [f"Khu phố {n}" for n in range(4, 11)] + ["Khóm Tân Thạnh", "Ấp Hòa Long"]


def person_name(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def moment_between(rng, start, end):
    """A random aware datetime in [start, end), in office hours of the ward's day."""
    seconds = int((end - start).total_seconds())
    moment = start + datetime.timedelta(seconds=rng.randrange(max(seconds, 1)))
    local = timezone.localtime(moment)
    return local.replace(hour=rng.randint(6, 20), minute=rng.choice([0, 15, 30, 45]))


def years_back(years):
    return timezone.now() - datetime.timedelta(days=round(365.25 * years))


class SlugAllocator:
    """Unique slugs against the table's existing ones and each other, the way the
    models' `_unique_slug` does it (base, base-2, base-3…), without a query per row."""

    def __init__(self, model, reserved=(), max_length=280):
        self.taken = set(model.objects.values_list("slug", flat=True))
        self.taken.update(reserved)
        self.max_length = max_length
        self.next_suffix = {}

    def __call__(self, text, fallback):
        base = slugify_vi(text)[: self.max_length].strip("-") or fallback
        slug, n = base, self.next_suffix.get(base, 2)
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.next_suffix[base] = n
        self.taken.add(slug)
        return slug


def bulk_insert(model, rows, batch=BATCH):
    """Insert an iterable of unsaved rows in batches; return the saved rows (with pks
    on PostgreSQL and SQLite)."""
    saved, pending = [], []
    for row in rows:
        pending.append(row)
        if len(pending) >= batch:
            saved += model.objects.bulk_create(pending)
            pending = []
    if pending:
        saved += model.objects.bulk_create(pending)
    return saved


def ensure_areas():
    """The demo's areas plus a few more, each with its Ban công tác Mặt trận."""
    start = ResidentialArea.objects.count()
    for order, name in enumerate(AREA_NAMES, start=start + 1):
        kind = ResidentialArea.Kind.KHOM if name.startswith("Khóm") else ResidentialArea.Kind.AP
        if name.startswith("Khu phố"):
            kind = ResidentialArea.Kind.KHU_PHO
        ResidentialArea.objects.get_or_create(name=name, defaults={"kind": kind, "order": order})
    for order, area in enumerate(ResidentialArea.objects.order_by("order", "pk"), start=10):
        if not Body.objects.filter(kind=Body.Kind.AREA_BOARD, area=area).exists():
            Body.objects.create(
                name=f"Ban công tác Mặt trận {area.name}",
                kind=Body.Kind.AREA_BOARD,
                area=area,
                order=order,
            )
    return list(ResidentialArea.objects.order_by("order", "pk"))


def make_people(rng, count):
    """`count` new people with titles, their search and sort keys filled as save() does."""

    def rows():
        for _ in range(count):
            full_name = nfc(person_name(rng))
            yield Person(
                full_name=full_name,
                title=rng.choice(TITLES),
                search_name=fold(full_name),
                sort_key=names.sort_key(full_name),
            )

    return bulk_insert(Person, rows())


def seeded(seed, salt):
    """One independent random stream per app, so adding rows to one app does not
    change what another generates for the same seed."""
    return random.Random(f"{seed}:{salt}")  # noqa: S311  # nosec B311: test data, not secrets
