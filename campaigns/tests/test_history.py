"""Campaign figures keep their history: an edit can be undone, an import is a revision
that says who imported which file, and a form opened before the import cannot silently
write older figures over the imported ones."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from campaigns.models import Entry
from mattran.tests.concurrent_edits import open_form

pytestmark = pytest.mark.django_db

FORM = "entry_form"
HEADER = "Mã,Cuộc vận động,Chỉ tiêu,Ngày,Khu dân cư,Số lượng,Số tiền (đồng),Lượt người"


@pytest.fixture
def entry(fund_indicator, areas):
    return Entry.objects.create(
        indicator=fund_indicator,
        date=datetime.date(2024, 6, 30),
        area=areas[0],
        money=5_000_000,
        participants=40,
    )


def change_url(entry):
    return reverse("admin:campaigns_entry_change", args=[entry.pk])


def file_row(entry, money):
    campaign, indicator = "Quỹ “Vì người nghèo”", "Vận động Quỹ “Vì người nghèo”"
    return f"{entry.pk},{campaign},{indicator},30/06/2024,Khu phố 1,,{money},40"


def import_file(client, content, name="ket-qua-thang-6.csv"):
    """Upload, then press "Xác nhận" under the preview, as staff do."""
    data = {"resource": "0", "format": "1"}
    data["import_file"] = SimpleUploadedFile(name, content.encode())
    preview = client.post(reverse("admin:campaigns_entry_import"), data)
    form = preview.context["confirm_form"]
    assert form is not None, "the preview offered no confirmation"
    return client.post(reverse("admin:campaigns_entry_process_import"), form.initial)


def test_an_edited_amount_is_restored_from_history(admin_client, entry):
    url = change_url(entry)
    assert admin_client.post(url, open_form(admin_client, url, FORM)).status_code == 302
    typo = open_form(admin_client, url, FORM) | {"money": "50.000.000"}
    assert admin_client.post(url, typo).status_code == 302
    entry.refresh_from_db()
    assert entry.money == 50_000_000

    first = list(Version.objects.get_for_object(entry))[-1]
    history = admin_client.get(reverse("admin:campaigns_entry_history", args=[entry.pk]))
    revision_url = reverse("admin:campaigns_entry_revision", args=[entry.pk, first.pk])
    assert revision_url in history.content.decode()
    old = open_form(admin_client, revision_url, FORM)
    assert old["money"] == "5.000.000"
    assert admin_client.post(revision_url, old).status_code == 302
    entry.refresh_from_db()
    assert entry.money == 5_000_000


def test_an_import_is_a_revision_and_refuses_a_form_opened_before_it(
    admin_client, admin_user, entry
):
    url = change_url(entry)
    opened_before = open_form(admin_client, url, FORM)
    row = file_row(entry, "9.000.000")

    assert import_file(admin_client, f"{HEADER}\n{row}\n").status_code == 302
    entry.refresh_from_db()
    assert entry.money == 9_000_000
    assert entry.version == 2
    version = Version.objects.get_for_object(entry).get()
    assert version.revision.user == admin_user
    assert version.revision.get_comment() == "Nhập từ tệp “ket-qua-thang-6.csv”"
    assert version.field_dict["money"] == 9_000_000

    refused = admin_client.post(url, opened_before | {"participants": "45"})
    assert refused.status_code == 200
    assert "sau khi bạn mở trang này" in refused.content.decode()
    entry.refresh_from_db()
    assert (entry.money, entry.participants) == (9_000_000, 40)


def test_an_unchanged_import_row_keeps_the_version(admin_client, entry):
    row = file_row(entry, "5.000.000")
    import_file(admin_client, f"{HEADER}\n{row}\n")
    entry.refresh_from_db()
    assert entry.version == 1


def test_entry_list_offers_import_export_and_recover_deleted(admin_client, entry):
    page = admin_client.get(reverse("admin:campaigns_entry_changelist")).content.decode()
    assert reverse("admin:campaigns_entry_import") in page
    assert reverse("admin:campaigns_entry_export") in page
    assert reverse("admin:campaigns_entry_recoverlist") in page
    assert "Khôi phục kết quả đạt được đã xóa" in page


@pytest.mark.parametrize("model", ["campaign", "indicator", "target"])
def test_export_only_lists_offer_export_and_recover_deleted(admin_client, fund_raised, model):
    page = admin_client.get(reverse(f"admin:campaigns_{model}_changelist")).content.decode()
    assert reverse(f"admin:campaigns_{model}_export") in page
    assert reverse(f"admin:campaigns_{model}_recoverlist") in page


@pytest.mark.parametrize("model", ["campaign", "indicator", "target", "entry"])
def test_history_and_recover_screens_open(admin_client, fund_raised, model):
    record = {
        "campaign": fund_raised.campaign,
        "indicator": fund_raised,
        "target": fund_raised.targets.first(),
        "entry": fund_raised.entries.first(),
    }[model]
    history = admin_client.get(reverse(f"admin:campaigns_{model}_history", args=[record.pk]))
    assert history.status_code == 200
    recover_list = admin_client.get(reverse(f"admin:campaigns_{model}_recoverlist"))
    assert recover_list.status_code == 200


def campaign_form(client, url):
    values = open_form(client, url, "campaign_form")
    if not values.get("articles"):
        values.pop("articles", None)  # an empty multiple select sends nothing
    return values


def test_a_deleted_campaign_returns_with_its_indicators_and_targets(admin_client, fund):
    from campaigns.models import Indicator, Target

    indicator = Indicator.objects.create(
        campaign=fund, name="Vận động Quỹ", unit=Indicator.Unit.DONG, kind=Indicator.Kind.MONEY
    )
    Target.for_year(2024, indicator=indicator, value=21_000_000).save()
    url = reverse("admin:campaigns_campaign_change", args=[fund.pk])
    assert admin_client.post(url, campaign_form(admin_client, url)).status_code == 302
    deleted = admin_client.post(
        reverse("admin:campaigns_campaign_delete", args=[fund.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302
    assert not Target.objects.exists()

    version = Version.objects.get_deleted(type(fund)).get(object_id=str(fund.pk))
    recover_url = reverse("admin:campaigns_campaign_recover", args=[version.pk])
    recovered = admin_client.post(recover_url, campaign_form(admin_client, recover_url))
    assert recovered.status_code == 302
    fund.refresh_from_db()
    assert fund.indicators.get().name == "Vận động Quỹ"
    assert fund.indicators.get().targets.get().value == 21_000_000
