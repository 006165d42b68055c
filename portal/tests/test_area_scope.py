"""An area's board (Ban công tác Mặt trận khu dân cư) in the admin: its own areas only.

The account works for Khu phố 1. Another area's entries, meetings and articles are absent
from its lists, 404 on every page of their own, refused in its forms and imports and
never offered as a choice; ward staff still see the whole ward.
"""

import datetime

import pytest
import reversion
from django.urls import reverse

from campaigns.models import Entry
from campaigns.tests.test_import_export import HEADER, IMPORT_URL, confirm, upload
from mattran import roles
from mattran.models import Body, StaffAreas
from mattran.tests.accounts import make_user
from meetings.models import Election, Meeting, Resolution, ResolutionTarget
from meetings.tests.admin_forms import form_values
from meetings.tests.factories import at
from news.models import Article
from news.tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 6, 30)


@pytest.fixture
def own(areas):
    return areas[0]


@pytest.fixture
def other(areas):
    return areas[1]


@pytest.fixture
def board(client, django_user_model, own):
    user = make_user(django_user_model, "khupho1", roles.AREA_STAFF, is_staff=True)
    StaffAreas.objects.create(user=user).areas.add(own)
    client.force_login(user)
    return user


@pytest.fixture
def data_clerk(django_user_model):
    return make_user(django_user_model, "nhapsolieu", roles.DATA_ENTRY, is_staff=True)


@pytest.fixture
def entries(rice, own, other):
    """One figure of each area and one of the whole ward, each with a revision."""
    with reversion.create_revision():
        return {
            key: Entry.objects.create(indicator=rice, date=DAY, area=area, quantity=qty)
            for key, area, qty in [("own", own, 10), ("other", other, 20), ("ward", None, 30)]
        }


def _board_of(area):
    return Body.objects.create(name=f"Ban công tác Mặt trận {area}", kind="area", area=area)


@pytest.fixture
def meetings(own, other, committee):
    with reversion.create_revision():
        made = {
            key: Meeting.objects.create(
                body=body, title=f"Hội nghị {key}", starts_at=at(2024, 5, 1)
            )
            for key, body in [
                ("own", _board_of(own)),
                ("other", _board_of(other)),
                ("ward", committee),
            ]
        }
    for meeting in made.values():
        resolution = Resolution.objects.create(meeting=meeting, title=f"Nghị quyết {meeting}")
        ResolutionTarget.objects.create(resolution=resolution, text=f"Chỉ tiêu {meeting}")
    return made


@pytest.fixture
def articles(make_article, own, other):
    with reversion.create_revision():
        return {
            key: make_article(f"Tin {key}", area=area, status=Article.Status.DRAFT)
            for key, area in [("own", own), ("other", other), ("ward", None)]
        }


def listed(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200, url_name
    return set(response.context["cl"].result_list)


# --- lists ----------------------------------------------------------------------


def test_the_lists_hold_only_the_boards_own_area(client, board, entries, meetings, articles):
    assert listed(client, "admin:campaigns_entry_changelist") == {entries["own"]}
    assert listed(client, "admin:meetings_meeting_changelist") == {meetings["own"]}
    assert listed(client, "admin:news_article_changelist") == {articles["own"]}
    assert listed(client, "admin:meetings_resolution_changelist") == set(
        Resolution.objects.filter(meeting=meetings["own"])
    )
    assert listed(client, "admin:meetings_resolutiontarget_changelist") == set(
        ResolutionTarget.objects.filter(resolution__meeting=meetings["own"])
    )


def test_ward_staff_still_see_every_area(client, reviewer, data_clerk, entries, meetings, articles):
    client.force_login(reviewer)
    assert listed(client, "admin:meetings_meeting_changelist") == set(meetings.values())
    assert listed(client, "admin:news_article_changelist") == set(articles.values())
    client.force_login(data_clerk)
    assert listed(client, "admin:campaigns_entry_changelist") == set(entries.values())


def test_the_area_filter_offers_only_the_boards_area(client, board, entries, own, other):
    page = client.get(reverse("admin:campaigns_entry_changelist")).content.decode()

    assert f"?area__id__exact={own.pk}" in page
    assert f"?area__id__exact={other.pk}" not in page


# --- one row of another area ------------------------------------------------------


def _row_urls(app_model, row):
    version = reversion.models.Version.objects.get_for_object(row).first()
    return [
        reverse(f"admin:{app_model}_change", args=[row.pk]),
        reverse(f"admin:{app_model}_history", args=[row.pk]),
        reverse(f"admin:{app_model}_delete", args=[row.pk]),
        reverse(f"admin:{app_model}_revision", args=[row.pk, version.pk]),
    ]


@pytest.mark.parametrize(
    "app_model, rows",
    [
        ("campaigns_entry", "entries"),
        ("meetings_meeting", "meetings"),
        ("news_article", "articles"),
    ],
)
@pytest.mark.parametrize("key", ["other", "ward"])
def test_another_areas_row_is_404_on_each_of_its_pages(
    client, board, request, app_model, rows, key
):
    row = request.getfixturevalue(rows)[key]

    for url in _row_urls(app_model, row):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"post": "yes"}).status_code == 404, url
    assert type(row).objects.filter(pk=row.pk).exists()


def test_the_boards_own_row_opens(client, board, entries, meetings, articles):
    for app_model, row in [
        ("campaigns_entry", entries["own"]),
        ("meetings_meeting", meetings["own"]),
        ("news_article", articles["own"]),
    ]:
        change, history, _delete, revision = _row_urls(app_model, row)
        for url in (change, history, revision):
            assert client.get(url).status_code == 200, url


def test_deleted_rows_are_recovered_by_ward_staff_only(client, board, entries):
    with reversion.create_revision():
        entries["other"].delete()
    version = reversion.models.Version.objects.get_deleted(Entry).get()

    assert client.get(reverse("admin:campaigns_entry_recoverlist")).status_code == 403
    recover = reverse("admin:campaigns_entry_recover", args=[version.pk])
    assert client.post(recover, {}).status_code == 403
    assert not Entry.objects.filter(pk=version.object_id).exists()


# --- forms ----------------------------------------------------------------------


def _entry_form(rice, area, **extra):
    return {"indicator": rice.pk, "date": "30/06/2024", "area": area, "quantity": "5", **extra}


def test_a_new_entry_must_name_one_of_the_boards_areas(client, board, rice, own, other):
    add = reverse("admin:campaigns_entry_add")

    for area in (other.pk, ""):
        response = client.post(add, _entry_form(rice, area))
        assert response.status_code == 200
        assert "area" in response.context["adminform"].form.errors
    assert not Entry.objects.exists()

    assert client.post(add, _entry_form(rice, own.pk)).status_code == 302
    assert Entry.objects.get().area == own


def test_an_entry_cannot_be_moved_to_another_area(client, board, entries, other):
    entry = entries["own"]
    url = reverse("admin:campaigns_entry_change", args=[entry.pk])
    data = form_values(client, url, "entry_form") | {"area": str(other.pk)}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "area" in response.context["adminform"].form.errors
    entry.refresh_from_db()
    assert entry.area_id != other.pk


def test_a_meeting_is_held_by_a_body_of_the_boards_area(client, board, meetings, committee):
    url = reverse("admin:meetings_meeting_add")
    form = client.get(url).context["adminform"].form
    own_body = meetings["own"].body

    assert list(form.fields["body"].queryset) == [own_body]

    data = form_values(client, url, "meeting_form") | {
        "title": "Sinh hoạt khu phố",
        "starts_at_0": "01/06/2024",
        "starts_at_1": "07:30",
        "body": str(committee.pk),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "body" in response.context["adminform"].form.errors
    assert not Meeting.objects.filter(title="Sinh hoạt khu phố").exists()

    saved = client.post(url, data | {"body": str(own_body.pk)})
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    assert Meeting.objects.get(title="Sinh hoạt khu phố").body == own_body


def test_an_article_of_the_board_names_its_area_and_stays_a_draft(
    client, board, category, own, other
):
    url = reverse("admin:news_article_add")
    draft = Article(title="Khu phố 1 ra quân", category=category)

    for area in (other.pk, ""):
        response = client.post(url, form_data(draft, area=area, _publish="1"))
        assert response.status_code in (200, 403)
    assert not Article.objects.exists()

    assert client.post(url, form_data(draft, area=own.pk)).status_code == 302
    saved = Article.objects.get()
    assert (saved.area, saved.status) == (own, Article.Status.DRAFT)


def test_the_boards_choices_are_its_own(client, board, entries, meetings, own, other):
    autocomplete = reverse("admin:autocomplete")

    def offered(app_label, model_name, field_name):
        response = client.get(
            autocomplete,
            {
                "app_label": app_label,
                "model_name": model_name,
                "field_name": field_name,
                "term": "",
            },
        )
        assert response.status_code == 200
        return {row["text"] for row in response.json()["results"]}

    assert offered("campaigns", "entry", "area") == {own.name}
    assert offered("meetings", "resolution", "meeting") == {meetings["own"].title}
    assert offered("meetings", "election", "meeting") == {meetings["own"].title}
    # The article's area is a plain select: it lists the board's areas only.
    form = client.get(reverse("admin:news_article_add")).context["adminform"].form
    assert list(form.fields["area"].queryset) == [own]


# --- import and export --------------------------------------------------------------


def test_an_import_row_of_another_area_is_refused_and_nothing_saved(
    client, board, rice, poor_day, own, other
):
    rows = [
        f",{poor_day.name},{rice.name},01/03/2024,{own.name},100,,",
        f",{poor_day.name},{rice.name},02/03/2024,{other.name},200,,",
        f",{poor_day.name},{rice.name},03/03/2024,,300,,",
    ]

    preview = upload(client, "\n".join([HEADER, *rows]) + "\n")
    page = preview.content.decode()

    assert preview.context.get("confirm_form") is None
    assert (
        f"Dòng 3: khu dân cư “{other.name}” không thuộc phạm vi của bạn; "
        f"bạn chỉ được nhập số liệu của: {own.name}." in page
    )
    assert f"Dòng 4: chưa ghi khu dân cư; bạn chỉ được nhập số liệu của: {own.name}." in page
    assert not Entry.objects.exists()


def test_an_import_cannot_reach_another_areas_entry_by_its_code(
    client, board, entries, poor_day, rice, own
):
    other = entries["other"]
    row = f"{other.pk},{poor_day.name},{rice.name},30/06/2024,{own.name},99,,"

    page = upload(client, f"{HEADER}\n{row}\n").content.decode()

    assert f"Dòng 2: không có số liệu mã {other.pk}" in page
    other.refresh_from_db()
    assert other.quantity == 20


def test_the_board_imports_its_own_areas_rows(client, board, rice, poor_day, own):
    row = f",{poor_day.name},{rice.name},01/03/2024,{own.name},100,,"

    confirm(client, upload(client, f"{HEADER}\n{row}\n"))

    entry = Entry.objects.get()
    assert (entry.area, entry.entered_by) == (own, board)


def test_the_boards_export_holds_its_own_rows_only(client, board, entries):
    response = client.post(
        reverse("admin:campaigns_entry_export"),
        {"format": "1", "resource": "0", "entryresource_quantity": "on"},
    )

    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[1:] == ["10"]


def test_the_import_page_opens_for_the_board(client, board):
    assert client.get(IMPORT_URL).status_code == 200


def test_an_election_of_another_area_is_404(client, board, meetings, term):
    election = Election.objects.create(
        meeting=meetings["other"], body=meetings["other"].body, term=term, seats=5
    )

    url = reverse("admin:meetings_election_change", args=[election.pk])
    assert client.get(url).status_code == 404


def test_an_accounts_areas_are_set_on_its_admin_page(admin_client, django_user_model, own):
    user = make_user(django_user_model, "khupho1", roles.AREA_STAFF, is_staff=True)
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = form_values(admin_client, url, "user_form")
    assert "staff_areas-TOTAL_FORMS" in data
    # The page reader gives an empty multiple select as ""; a browser sends nothing.
    del data["user_permissions"]
    data["groups"] = [str(group.pk) for group in user.groups.all()]

    response = admin_client.post(url, data | {"staff_areas-0-areas": str(own.pk)})

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert roles.staff_areas(django_user_model.objects.get(pk=user.pk)) == {own.pk}
