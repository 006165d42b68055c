"""The groups hold exactly the rights mattran/roles.py lists, no more, after every migrate."""

import pytest
from django.contrib.auth.models import Group, Permission

from mattran import roles
from mattran.models import ResidentialArea, StaffAreas
from mattran.tests.accounts import make_user

pytestmark = pytest.mark.django_db


def held(group_name):
    permissions = Group.objects.get(name=group_name).permissions.select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


@pytest.mark.parametrize("group_name", sorted(roles.GROUP_PERMISSIONS))
def test_each_group_holds_exactly_its_list(group_name):
    roles.grant_group_permissions()

    assert held(group_name) == set(roles.GROUP_PERMISSIONS[group_name])


def test_a_right_a_group_should_not_hold_is_taken_away_at_the_next_migrate():
    roles.grant_group_permissions()
    editors = Group.objects.get(name=roles.EDITORS)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="campaigns", codename="add_entry")
    )

    roles.grant_group_permissions()

    assert "campaigns.add_entry" not in held(roles.EDITORS)


def test_the_data_roles_own_the_figures_and_editors_do_not():
    entry_rights = {"campaigns.add_entry", "campaigns.change_entry", "campaigns.export_entry"}

    assert entry_rights <= set(roles.GROUP_PERMISSIONS[roles.DATA_ENTRY])
    assert entry_rights <= set(roles.GROUP_PERMISSIONS[roles.AREA_STAFF])
    for group_name in (roles.EDITORS, roles.REVIEWERS, roles.LEADERS):
        assert not {r for r in roles.GROUP_PERMISSIONS[group_name] if r.startswith("campaigns.")}


def test_an_area_board_never_publishes_nor_deletes_what_it_records():
    rights = set(roles.GROUP_PERMISSIONS[roles.AREA_STAFF])

    assert "news.publish_article" not in rights
    assert not {"news.delete_article", "meetings.delete_meeting", "campaigns.delete_entry"} & rights


def test_staff_areas_is_none_for_ward_staff_and_the_ids_for_an_area_board(
    django_user_model, editor, admin_user
):
    area, other = (ResidentialArea.objects.create(name=n) for n in ("Khu phố 1", "Khu phố 2"))
    board = make_user(django_user_model, "khupho1", roles.AREA_STAFF, is_staff=True)
    StaffAreas.objects.create(user=board).areas.add(area)
    unassigned = make_user(django_user_model, "chuagiao", roles.AREA_STAFF, is_staff=True)

    assert roles.staff_areas(editor) is None
    assert roles.staff_areas(admin_user) is None
    assert roles.staff_areas(board) == {area.pk}
    # In the group but given no area yet: no area's rows, never the whole ward.
    assert roles.staff_areas(unassigned) == frozenset()
