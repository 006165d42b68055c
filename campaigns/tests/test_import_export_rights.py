"""Who may import and export campaign figures in the admin (issue 16, hole 3).

django-import-export's views check their own rights, not the model's: before, any staff
account could open the import and the export. Now importing entries needs the rights to
add and to change them, and exporting needs the model's export right, held by the data
roles only (mattran/roles.py).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Entry
from campaigns.tests.test_import_export import HEADER, IMPORT_URL, PROCESS_URL, confirm, upload
from mattran import roles
from mattran.tests.accounts import make_user

pytestmark = pytest.mark.django_db

EXPORT_URLS = [
    reverse(f"admin:campaigns_{model}_export")
    for model in ("campaign", "indicator", "target", "entry")
]


@pytest.fixture
def data_clerk(django_user_model):
    return make_user(django_user_model, "nhapsolieu", roles.DATA_ENTRY, is_staff=True)


def a_row(campaign, indicator):
    return f"{HEADER}\n,{campaign.name},{indicator.name},31/12/2019,,21.090,,\n"


def test_an_editor_cannot_open_or_send_an_import(client, editor, rice, poor_day):
    client.force_login(editor)

    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, a_row(poor_day, rice)).status_code == 403
    sent = client.post(PROCESS_URL, {"import_file_name": "x.csv", "format": "1", "resource": "0"})
    assert sent.status_code == 403
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("url", EXPORT_URLS)
@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_only_the_data_roles_may_export(client, request, who, url, fund_raised):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url).status_code == 403
    assert client.post(url, {"format": "1", "resource": "0"}).status_code == 403


def test_the_entry_list_offers_an_editor_neither_import_nor_export(client, editor, fund_raised):
    # An editor holds no right on entries at all: the list itself is refused.
    client.force_login(editor)

    assert client.get(reverse("admin:campaigns_entry_changelist")).status_code == 403


def test_a_data_clerk_imports_and_exports(client, data_clerk, rice, poor_day):
    client.force_login(data_clerk)

    listing = client.get(reverse("admin:campaigns_entry_changelist")).content.decode()
    assert "Nhập từ tệp" in listing and "Xuất tệp" in listing
    confirm(client, upload(client, a_row(poor_day, rice)))
    assert Entry.objects.get().entered_by == data_clerk
    for url in EXPORT_URLS:
        assert client.get(url).status_code == 200
    exported = client.post(
        EXPORT_URLS[-1], {"format": "1", "resource": "0", "entryresource_quantity": "on"}
    )
    assert exported.status_code == 200
    assert "21090" in exported.content.decode("utf-8-sig")


def test_import_needs_the_right_to_change_as_well_as_to_add(client, django_user_model):
    from django.contrib.auth.models import Permission

    adder = make_user(django_user_model, "chithem", is_staff=True)
    adder.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="campaigns", codename__in=["add_entry", "view_entry"]
        )
    )
    client.force_login(adder)

    assert client.get(IMPORT_URL).status_code == 403
    assert (
        client.post(
            IMPORT_URL,
            {"format": "1", "resource": "0", "import_file": SimpleUploadedFile("a.csv", b"x")},
        ).status_code
        == 403
    )
