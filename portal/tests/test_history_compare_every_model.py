"""The comparison of two saves reads every kind of field of every model under history."""

import reversion
from django.contrib import admin
from django.urls import reverse
from reversion.models import Version

from mattran.lib import diffs
from portal.tests.walk import world  # noqa: F401  (a fixture)


def test_every_model_under_history_compares_each_of_its_fields(world):  # noqa: F811
    for model in reversion.get_registered_models():
        version = Version.objects.get_for_model(model).first()
        if version is None:
            continue
        # Against an empty save every field staff edit differs, so each one is shown.
        found = diffs.changes(model, {}, version.field_dict)
        labels = [change.label for change in found]
        assert labels, model
        assert all(label[:1].isupper() for label in labels), (model, labels)
        for internal in ("version", "search_text", "view_count", "download_count"):
            field_names = {field.name for field in diffs.compared_fields(model)}
            assert internal not in field_names, model


def test_the_compare_screen_opens_for_every_model_under_history(world, admin_client):  # noqa: F811
    opened = []
    for model in admin.site._registry:
        if not reversion.is_registered(model):
            continue
        version = Version.objects.get_for_model(model).first()
        if version is None:
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[version.object_id])
        response = admin_client.get(f"{url}?truoc={version.pk}&sau={version.pk}")
        assert response.status_code == 200, (model, response.status_code)
        opened.append(opts.label)
    assert len(opened) >= 10
