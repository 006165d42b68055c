"""Every admin screen in Vietnamese: each staff role walks every admin page it may open and
no English UI string of Django's admin, auth, django-reversion or django-import-export
shows (the project's own catalogue, locale/vi/LC_MESSAGES, fills what theirs lack)."""

import json

import pytest
from django.apps import apps
from django.urls import reverse
from reversion.models import Version

from mattran import roles
from mattran.models import ResidentialArea, StaffAreas
from mattran.tests.accounts import make_user
from portal.tests.english import (
    english_strings,
    msgids_of,
    pattern_of,
    translated_by,
    visible_text,
)
from portal.tests.walk import admin_routes, admin_url, world  # noqa: F401  (a fixture)

STAFF_ROLES = {
    "editor": roles.EDITORS,
    "reviewer": roles.REVIEWERS,
    "secretary": roles.SECRETARIES,
    "data entry": roles.DATA_ENTRY,
    "area staff": roles.AREA_STAFF,
}


@pytest.fixture
def staff(world, django_user_model):  # noqa: F811
    users = {
        role: make_user(django_user_model, f"vi-{index}", group, is_staff=True)
        for index, (role, group) in enumerate(STAFF_ROLES.items())
    }
    area = ResidentialArea.objects.order_by("pk").first()
    StaffAreas.objects.create(user=users["area staff"]).areas.add(area)
    users["superuser"] = django_user_model.objects.create_superuser("vi-quantri", password="x")
    return users


def admin_pages(world):  # noqa: F811
    """Every admin URL the walk can fill; a compare screen with a version to compare."""
    urls = []
    for route, name in admin_routes():
        url = admin_url(route, world)
        if url is None:
            continue
        if name.endswith("_compare"):
            app_label, model_name, pk = url.split("/")[2:5]
            model = apps.get_model(app_label, model_name)
            version = Version.objects.get_for_object_reference(model, pk).first()
            if version is not None:
                url += f"?truoc={version.pk}&sau={version.pk}"
        urls.append(url)
    return urls


def english_on(response, pattern):
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    return sorted(
        {
            match
            for text in visible_text(response.content.decode())
            for match in pattern.findall(text)
        }
    )


def test_no_admin_page_shows_english_to_any_staff_role(world, staff, client):  # noqa: F811
    pattern = pattern_of(english_strings())
    pages = admin_pages(world)
    seen = 0
    found = []
    for role, user in staff.items():
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            seen += response.status_code == 200
            found += [f"{url} as {role}: {text!r}" for text in english_on(response, pattern)]
    assert not found, "English on admin pages:\n" + "\n".join(found)
    assert seen > 6 * 20  # the walk did open pages, for every role


def test_the_admin_scripts_speak_vietnamese(admin_client):
    """The calendar and the two-box chooser read their words from the JavaScript catalogue."""
    catalogue = admin_client.get(reverse("admin:jsi18n")).content.decode()

    for english, vietnamese in [("Sunday", "Chủ Nhật"), ("Choose all %s", "Chọn tất cả %s")]:
        assert f'"{english}": {json.dumps(vietnamese)}' in catalogue


def test_the_strings_looked_for_include_what_staff_saw_in_english():
    strings = english_strings()
    for known in ("Skip to main content", "Show counts", "Model name", "View selected"):
        assert known in strings


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_catalogue_is_compiled_from_its_source(settings, domain):
    """The .mo is committed (a fresh machine needs no gettext to run the portal): it must
    hold every string of its .po, recompiled after each edit (see the .po's header)."""
    folder = settings.LOCALE_PATHS[0] / "vi" / "LC_MESSAGES"
    in_source = set(msgids_of(folder / f"{domain}.po"))
    compiled = translated_by(folder / f"{domain}.mo")

    assert in_source - compiled == set()
