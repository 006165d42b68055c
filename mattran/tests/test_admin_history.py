"""The committee's records keep their history too: a deleted residential area or person
can be recovered from the admin, and the admin's own words are Vietnamese."""

import pytest
from django.urls import reverse
from reversion.models import Version

from mattran.models import Body, Membership, Person, ResidentialArea, Term
from meetings.tests.admin_forms import post_form
from news.models import Category

pytestmark = pytest.mark.django_db


def save_then_delete(client, record, form_id):
    """A save through the admin (the revision recovery starts from), then the delete."""
    meta = record._meta
    change_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    assert post_form(client, change_url, form_id, {}).status_code == 302
    delete_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[record.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not type(record).objects.filter(pk=record.pk).exists()
    return Version.objects.get_deleted(type(record)).get(object_id=str(record.pk))


def test_a_deleted_residential_area_is_recovered(admin_client):
    area = ResidentialArea.objects.create(
        name="Khu phố 3", description="Khu phố ven sông, 420 hộ.", order=3
    )
    version = save_then_delete(admin_client, area, "residentialarea_form")

    recover_list = admin_client.get(reverse("admin:mattran_residentialarea_recoverlist"))
    recover_url = reverse("admin:mattran_residentialarea_recover", args=[version.pk])
    assert recover_url in recover_list.content.decode()
    assert "Khu phố 3" in recover_list.content.decode()
    assert post_form(admin_client, recover_url, "residentialarea_form", {}).status_code == 302

    area = ResidentialArea.objects.get(pk=area.pk)
    assert (area.name, area.description, area.order) == (
        "Khu phố 3",
        "Khu phố ven sông, 420 hộ.",
        3,
    )


def test_a_deleted_person_is_recovered(admin_client):
    person = Person.objects.create(full_name="Lê Thuý Lan", title="Chủ tịch Hội LHPN phường")
    version = save_then_delete(admin_client, person, "person_form")

    recover_url = reverse("admin:mattran_person_recover", args=[version.pk])
    assert (
        recover_url
        in admin_client.get(reverse("admin:mattran_person_recoverlist")).content.decode()
    )
    assert post_form(admin_client, recover_url, "person_form", {}).status_code == 302

    person = Person.objects.get(pk=person.pk)
    assert (person.full_name, person.title) == ("Lê Thuý Lan", "Chủ tịch Hội LHPN phường")
    # Found again by the folded name, as before the delete.
    assert Person.objects.search("thuy lan").filter(pk=person.pk).exists()


def records():
    area = ResidentialArea.objects.create(name="Khu phố 1")
    body = Body.objects.create(name="Ban Thường trực", kind=Body.Kind.COMMITTEE, area=area)
    term = Term.objects.create(start_year=2024, end_year=2029)
    person = Person.objects.create(full_name="Trần Văn Bình")
    membership = Membership.objects.create(
        person=person, body=body, term=term, position=Membership.Position.values[0]
    )
    category = Category.objects.create(name="Hoạt động", slug="hoat-dong")
    return {
        "mattran.residentialarea": area,
        "mattran.body": body,
        "mattran.term": term,
        "mattran.person": person,
        "mattran.membership": membership,
        "news.category": category,
    }


@pytest.mark.parametrize(
    "label",
    [
        "mattran.residentialarea",
        "mattran.body",
        "mattran.term",
        "mattran.person",
        "mattran.membership",
        "news.category",
    ],
)
def test_history_and_recover_screens_open_in_vietnamese(admin_client, label):
    record = records()[label]
    app, model = label.split(".")
    change = admin_client.get(reverse(f"admin:{app}_{model}_change", args=[record.pk]))
    history_url = reverse(f"admin:{app}_{model}_history", args=[record.pk])
    assert history_url in change.content.decode()
    assert ">Lịch sử</a>" in change.content.decode()

    history = admin_client.get(history_url)
    assert history.status_code == 200
    assert "Chưa có lịch sử thay đổi" in history.content.decode()

    changelist = admin_client.get(reverse(f"admin:{app}_{model}_changelist")).content.decode()
    recover_list_url = reverse(f"admin:{app}_{model}_recoverlist")
    assert recover_list_url in changelist
    plural = str(type(record)._meta.verbose_name_plural)
    assert f"Khôi phục {plural} đã xóa" in changelist
    recover_list = admin_client.get(recover_list_url)
    assert recover_list.status_code == 200
    assert "Không có mục nào đã xóa để khôi phục." in recover_list.content.decode()


def test_a_refused_form_says_so_in_vietnamese(admin_client):
    area = ResidentialArea.objects.create(name="Khu phố 1")
    url = reverse("admin:mattran_residentialarea_change", args=[area.pk])

    one = post_form(admin_client, url, "residentialarea_form", {"name": ""})
    assert one.status_code == 200
    page = one.content.decode()
    assert "Vui lòng sửa lỗi bên dưới." in page
    assert "Please correct" not in page

    two = post_form(admin_client, url, "residentialarea_form", {"name": "", "order": "-1"})
    assert two.status_code == 200
    assert "Vui lòng sửa các lỗi bên dưới." in two.content.decode()
    area.refresh_from_db()
    assert area.name == "Khu phố 1"
