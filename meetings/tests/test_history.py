"""What staff save about a meeting is never lost: edits keep history, deletes can be undone,
and a meeting comes back with its attendees, resolutions and their targets."""

import pytest
from django.urls import reverse
from reversion.models import Version

from mattran import roles
from mattran.tests.accounts import make_user
from mattran.visibility import Visibility
from meetings.models import Meeting, Resolution, ResolutionTarget
from meetings.tests.admin_forms import post_form

pytestmark = pytest.mark.django_db

OLD_TITLE = "Hội nghị Ủy ban MTTQ phường lần thứ II"
OLD_ATTENDEE_TITLE = "Bí thư Đảng ủy, Chủ tịch UBND Phường 2"


@pytest.fixture
def staff(client, django_user_model):
    """A ward staff member with the editors' own rights (meetings: add, change, delete)."""
    user = make_user(django_user_model, "thuky", roles.EDITORS, is_staff=True)
    client.force_login(user)
    return user


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def test_staff_restore_an_old_revision_with_its_attendee(client, staff, public_meeting):
    # A first save through the admin records the meeting as it was.
    assert post_form(client, change_url(public_meeting), "meeting_form", {}).status_code == 302
    edited = post_form(
        client,
        change_url(public_meeting),
        "meeting_form",
        {"title": "Tiêu đề gõ nhầm", "attendances-0-title_as_printed": "Chức vụ gõ nhầm"},
    )
    assert edited.status_code == 302
    public_meeting.refresh_from_db()
    assert public_meeting.title == "Tiêu đề gõ nhầm"
    assert public_meeting.attendances.get().title_as_printed == "Chức vụ gõ nhầm"

    versions = list(Version.objects.get_for_object(public_meeting))
    assert len(versions) == 2
    assert {v.revision.user for v in versions} == {staff}
    first = versions[-1]
    history = client.get(reverse("admin:meetings_meeting_history", args=[public_meeting.pk]))
    assert history.status_code == 200
    revision_url = reverse("admin:meetings_meeting_revision", args=[public_meeting.pk, first.pk])
    assert revision_url in history.content.decode()

    restored = post_form(client, revision_url, "meeting_form", {})
    assert restored.status_code == 302
    public_meeting.refresh_from_db()
    assert public_meeting.title == OLD_TITLE
    assert public_meeting.attendances.get().title_as_printed == OLD_ATTENDEE_TITLE
    # The restore is itself a revision: the typo can be brought back again.
    assert Version.objects.get_for_object(public_meeting).count() == 3


def test_a_deleted_leaders_only_meeting_returns_with_its_rows_and_stays_hidden(
    client, staff, secretary, leader, public_meeting
):
    client.force_login(secretary)  # leaders-only records exist for holders of the right
    public_meeting.visibility = Visibility.LEADERS
    public_meeting.save()
    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết năm 2024")
    ResolutionTarget.objects.create(resolution=resolution, text="Xây 5 căn nhà Đại đoàn kết")
    assert post_form(client, change_url(public_meeting), "meeting_form", {}).status_code == 302
    pk, detail_url = public_meeting.pk, public_meeting.get_absolute_url()

    deleted = client.post(reverse("admin:meetings_meeting_delete", args=[pk]), {"post": "yes"})
    assert deleted.status_code == 302
    assert not Meeting.objects.filter(pk=pk).exists()
    assert not ResolutionTarget.objects.exists()

    changelist = client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    recover_list_url = reverse("admin:meetings_meeting_recoverlist")
    assert recover_list_url in changelist
    recover_list = client.get(recover_list_url).content.decode()
    version = Version.objects.get_deleted(Meeting).get(object_id=str(pk))
    recover_url = reverse("admin:meetings_meeting_recover", args=[version.pk])
    assert OLD_TITLE in recover_list and recover_url in recover_list

    assert post_form(client, recover_url, "meeting_form", {}).status_code == 302
    meeting = Meeting.objects.get(pk=pk)
    assert meeting.title == OLD_TITLE
    assert meeting.visibility == Visibility.LEADERS
    assert meeting.attendances.get().title_as_printed == OLD_ATTENDEE_TITLE
    assert meeting.attendances.get().person.full_name == "Huỳnh Thanh Vinh"
    assert meeting.resolutions.get().title == "Nghị quyết năm 2024"
    assert meeting.resolutions.get().targets.get().text == "Xây 5 căn nhà Đại đoàn kết"

    client.logout()
    assert client.get(detail_url).status_code == 404  # still leaders-only
    client.force_login(leader)
    assert client.get(detail_url).status_code == 200


@pytest.mark.parametrize("model", ["meeting", "resolution", "resolutiontarget", "election"])
def test_history_and_recover_screens_open(client, staff, public_meeting, model):
    from meetings.models import Election

    resolution = Resolution.objects.create(meeting=public_meeting, title="Nghị quyết")
    records = {
        "meeting": public_meeting,
        "resolution": resolution,
        "resolutiontarget": ResolutionTarget.objects.create(resolution=resolution, text="Chỉ tiêu"),
        "election": Election.objects.create(
            meeting=public_meeting, body=public_meeting.body, term=public_meeting.term, seats=1
        ),
    }
    record = records[model]
    history = client.get(reverse(f"admin:meetings_{model}_history", args=[record.pk]))
    assert history.status_code == 200
    recover_list = client.get(reverse(f"admin:meetings_{model}_recoverlist"))
    assert recover_list.status_code == 200
    assert "Khôi phục" in recover_list.content.decode()
