"""Every fixture of the suite, in one place: named users, a clean cache per test, uploads
in a temporary folder, a real Chromium for browser tests, then each app's records.
Plain builders (at, make_meeting, make_attachment, make_entries) live in each app's
`tests/factories.py`."""

import datetime
import io
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from campaigns.models import Campaign, Entry, Indicator, Target
from campaigns.tests.factories import make_entries  # noqa: F401
from mattran import cache as page_cache
from mattran import demo as mattran_demo
from mattran import roles
from mattran.lib.text import fold
from mattran.models import Body, Person, ResidentialArea, Term, WardSettings
from mattran.tests.accounts import PASSWORD, make_user  # noqa: F401
from meetings import demo as meetings_demo
from meetings.models import Attendance, Visibility
from meetings.tests.factories import PDF_BYTES, at, make_attachment, make_meeting  # noqa: F401
from news.models import Article, Category
from portal.tests.walk import world  # noqa: F401  (the access walk's records: a fixture)

CHROMIUM = "/usr/bin/chromium"
OUTPUT_DIR = Path(__file__).resolve().parent / "test-output"


@pytest.fixture(autouse=True)
def _clean_cache():
    # Pages and the ward record are cached; every test starts from nothing.
    cache.clear()
    page_cache.forget_known_version()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Public uploads and private papers alike: no test writes into the project.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def editor(db, django_user_model):
    """Writes drafts and submits them for review; cannot publish."""
    return make_user(django_user_model, "bientap", roles.EDITORS, is_staff=True)


@pytest.fixture
def reviewer(db, django_user_model):
    """Reviews, publishes, unpublishes and schedules."""
    return make_user(django_user_model, "duyettin", roles.REVIEWERS, is_staff=True)


@pytest.fixture
def secretary(db, django_user_model):
    """Records every meeting and keeps documents, leaders-only ones included."""
    return make_user(django_user_model, "thuky-noibo", roles.SECRETARIES, is_staff=True)


@pytest.fixture
def leader(db, django_user_model):
    """Reads leaders-only meeting records on the public site."""
    return make_user(django_user_model, "lanhdao", roles.LEADERS)


@pytest.fixture
def visitor(client):
    """A resident: not logged in."""
    return client


# Browser tests -------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    _deselect_postgresql_only_off_postgresql(config, items)
    if os.path.exists(CHROMIUM):
        return
    browser_tests = [item for item in items if "browser" in item.keywords]
    if not browser_tests:
        return
    if os.environ.get("CI") == "true":
        # In CI every test is required: a missing browser is a failure, not a skip.
        return
    reason = f"SKIPPED LOUDLY: {CHROMIUM} is missing (apt-get install chromium)"
    print(f"\n*** {reason}: {len(browser_tests)} browser tests not run ***\n")
    for item in browser_tests:
        item.add_marker(pytest.mark.skip(reason=reason))


def _deselect_postgresql_only_off_postgresql(config, items):
    """PostgreSQL's own features (full-text search, a real outage, two connections racing)
    have no SQLite counterpart to test: they are left out of the SQLite pass, not skipped,
    and `make test` runs them in its PostgreSQL pass."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if "postgresql" not in item.keywords]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is required for browser tests (apt-get install chromium)")
    # Playwright's sync API runs an event loop; the ORM calls around it are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone_page(browser):
    """A page the size of a phone screen (390 px wide)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="vi-VN", device_scale_factor=1
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot_dir(request):
    """test-output/screenshots/<test name>/, emptied first."""
    folder = OUTPUT_DIR / "screenshots" / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# News ---------------------------------------------------------------


@pytest.fixture
def category(db):
    return Category.objects.create(name="Hoạt động Mặt trận", order=1)


@pytest.fixture
def other_category(db):
    return Category.objects.create(name="Khu dân cư", order=2)


@pytest.fixture
def make_article(category):
    def make(title, *, tags=(), **fields):
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        if fields["status"] == Article.Status.PUBLISHED:
            fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
        fields.setdefault("sapo", f"Tóm tắt: {title}")
        fields.setdefault("body", f"<p>Nội dung bài {title}.</p>")
        article = Article.objects.create(title=title, **fields)
        if tags:
            article.tags.add(*tags)
        return article

    return make


@pytest.fixture
def article(make_article):
    return make_article(
        "Ra quân Ngày đại đoàn kết vì cộng đồng",
        sapo="Các khu phố cùng ra quân dọn vệ sinh, trồng cây xanh.",
        body="<p>Sáng Chủ Nhật, hơn 300 người dân tham gia.</p>",
        author="Việt Thắng",
        photo_credit="Thanh An",
        tags=["Đại đoàn kết"],
        featured=True,
    )


@pytest.fixture
def hidden_articles(make_article, category):
    """A draft, one waiting for review and one scheduled for tomorrow, all tagged and
    dated like public ones, with a word of their own to search for."""
    now = timezone.now()
    return [
        make_article(
            "Bài nháp chưa duyệt zzbimat",
            status=Article.Status.DRAFT,
            published_at=now - datetime.timedelta(hours=2),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
        make_article(
            "Bài chờ duyệt zzbimat",
            status=Article.Status.REVIEW,
            published_at=now - datetime.timedelta(hours=2),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
        make_article(
            "Bài hẹn giờ ngày mai zzbimat",
            published_at=now + datetime.timedelta(days=1),
            tags=["Đại đoàn kết"],
            featured=True,
        ),
    ]


@pytest.fixture
def many_articles(category, other_category):
    """n public articles spread over two sections, made in one INSERT; ids from
    `first_pk` when given (the database's sequence otherwise)."""

    def make(n, first_pk=None):
        start = timezone.now() - datetime.timedelta(days=1)
        articles = []
        for i in range(n):
            title = f"Tin số {i} về hoạt động khu dân cư"
            articles.append(
                Article(
                    pk=None if first_pk is None else first_pk + i,
                    title=title,
                    slug=f"tin-so-{i}",
                    category=category if i % 2 else other_category,
                    sapo="Tóm tắt tin.",
                    body="<p>Nội dung.</p>",
                    status=Article.Status.PUBLISHED,
                    published_at=start - datetime.timedelta(minutes=i),
                    featured=i % 10 == 0,
                    search_text=fold(f"{title} nha tinh thuong"),
                )
            )
        return Article.objects.bulk_create(articles)

    return make


@pytest.fixture
def draft(make_article):
    return make_article("Bản nháp về ngày hội đại đoàn kết", status=Article.Status.DRAFT)


@pytest.fixture
def published(make_article):
    return make_article("Ra quân vệ sinh môi trường")


# Meetings ---------------------------------------------------------------


@pytest.fixture
def staff_outside_leaders(db, django_user_model):
    """A ward staff member (editor) who is not in the "Lãnh đạo" group."""
    return make_user(django_user_model, "canbo", roles.EDITORS, is_staff=True)


@pytest.fixture
def body(db):
    return Body.objects.create(name="Ủy ban MTTQ Việt Nam phường An Hòa", kind=Body.Kind.COMMITTEE)


@pytest.fixture
def term(db):
    return Term.objects.create(start_year=2024, end_year=2029)


@pytest.fixture
def public_meeting(body, term):
    meeting = make_meeting(
        body,
        "Hội nghị Ủy ban MTTQ phường lần thứ II",
        at(2024, 7, 8),
        term=term,
        place="Hội trường Ủy ban nhân dân phường",
    )
    Attendance.objects.create(
        meeting=meeting,
        person=Person.objects.create(full_name="Huỳnh Thanh Vinh"),
        title_as_printed="Bí thư Đảng ủy, Chủ tịch UBND Phường 2",
        role=Attendance.Role.DIRECTING,
    )
    return meeting


@pytest.fixture
def internal_meeting(body, term):
    return make_meeting(
        body,
        "Họp Ban Thường trực bàn nhân sự",
        at(2024, 9, 10),
        term=term,
        summary="Biên bản nội bộ về nhân sự",
        visibility=Visibility.LEADERS,
    )


@pytest.fixture
def demo(db):
    """The demo data made from the seed articles, as `manage.py load_demo` loads it."""
    out = io.StringIO()
    mattran_demo.load(out)
    meetings_demo.load(out)
    return out.getvalue()


# Campaigns ---------------------------------------------------------------


@pytest.fixture
def ward(db):
    # The ward record is cached on every page; load it once so query counts are the page's own.
    return WardSettings.current()


@pytest.fixture
def areas(db):
    return [
        ResidentialArea.objects.create(name=f"Khu phố {number}", order=number)
        for number in (1, 2, 3)
    ]


@pytest.fixture
def committee(db):
    return Body.objects.create(name="Ủy ban MTTQ Việt Nam Phường 2", kind=Body.Kind.COMMITTEE)


@pytest.fixture
def fund(committee):
    return Campaign.objects.create(
        name="Quỹ “Vì người nghèo”", kind=Campaign.Kind.FUND, body=committee
    )


@pytest.fixture
def fund_indicator(fund):
    return Indicator.objects.create(
        campaign=fund,
        name="Vận động Quỹ “Vì người nghèo”",
        unit=Indicator.Unit.DONG,
        kind=Indicator.Kind.MONEY,
    )


@pytest.fixture
def fund_raised(fund_indicator, areas):
    """8.000.000 đ raised in the first half of 2024 against 21.000.000 đ for the year."""
    Target.for_year(2024, indicator=fund_indicator, value=Decimal(21_000_000)).save()
    day = datetime.date(2024, 6, 30)
    Entry.objects.create(indicator=fund_indicator, date=day, area=areas[0], money=5_000_000)
    Entry.objects.create(indicator=fund_indicator, date=day, money=3_000_000)
    return fund_indicator


@pytest.fixture
def poor_day(committee):
    return Campaign.objects.create(name="Ngày vì người nghèo", body=committee)


@pytest.fixture
def houses(poor_day):
    return Indicator.objects.create(
        campaign=poor_day,
        name="Nhà tình thương cất mới",
        unit=Indicator.Unit.HOUSE,
        kind=Indicator.Kind.COUNT,
        order=1,
    )


@pytest.fixture
def rice(poor_day):
    return Indicator.objects.create(
        campaign=poor_day,
        name="Gạo tiếp nhận",
        unit=Indicator.Unit.KG,
        kind=Indicator.Kind.WEIGHT,
        order=2,
    )
