"""Files in media storage that nothing references: what a crash between writing a file
and committing its row leaves behind (a failed save cleans up after itself, see
mattran/lib/storage.py; a killed process cannot).

A stored file is referenced when any of these names it:
- a FileField or ImageField of any model (found through the app registry: covers,
  the ward logo, documents, meeting papers, whatever an app adds later);
- a JSONField named `*_renditions` (a photo's renditions: `source` and `sizes[].name`);
- the HTML of any text field that mentions MEDIA_URL (editor photos in article bodies,
  static pages), by `src` or `srcset`;
- a saved revision (django-reversion), so that restoring an old version or undeleting
  a record never brings back a broken picture;
- another file of its family (easy-thumbnails records which rendition was cut from which
  photo): the editor's answer puts renditions in the body, never the photo they came from.

Only files older than `min_age` are candidates: an upload in progress has a file before
it has a row.
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from easy_thumbnails.models import Thumbnail

from mattran.lib.files import private_storage

RENDITIONS_SUFFIX = "_renditions"


@dataclass(frozen=True)
class Orphan:
    storage_label: str
    name: str
    modified: datetime.datetime


def scanned_storages():
    """(label, storage) of every place uploads go."""
    return [("media", default_storage), ("private", private_storage())]


def _label_of(storage):
    return "private" if storage is private_storage() else "media"


def _walk(storage, folder=""):
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in names:
        if not name.startswith("."):
            yield f"{folder}/{name}" if folder else name
    for sub in folders:
        if not sub.startswith("."):
            yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _media_names_in_html(text):
    prefix = re.escape(settings.MEDIA_URL)
    return {unquote(m) for m in re.findall(prefix + r"([^\"'\s,<>()\\]+)", text or "")}


def referenced_names():
    """{label: set of names} that live rows reference."""
    found = {label: set() for label, _ in scanned_storages()}
    for model in apps.get_models():
        if model._meta.app_label == "reversion":
            continue  # revisions are asked about per candidate: _in_a_revision()
        manager = model._base_manager
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names = manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
                found[_label_of(field.storage)].update(n for n in names.iterator() if n)
            elif isinstance(field, models.JSONField) and field.name.endswith(RENDITIONS_SUFFIX):
                for value in manager.values_list(field.name, flat=True).iterator():
                    value = value or {}
                    found["media"].add(value.get("source") or "")
                    found["media"].update(s.get("name", "") for s in value.get("sizes", []))
            elif isinstance(field, models.TextField):
                rows = manager.filter(**{f"{field.name}__contains": settings.MEDIA_URL})
                for text in rows.values_list(field.name, flat=True).iterator():
                    found["media"].update(_media_names_in_html(text))
    for names in found.values():
        names.discard("")
    return found


def _families(names):
    """name -> every name of its easy-thumbnails family (the photo and its renditions)."""
    rows = Thumbnail.objects.filter(
        models.Q(name__in=names) | models.Q(source__name__in=names)
    ).values_list("name", "source__name")
    by_source = {}
    for thumbnail, source in rows:
        by_source.setdefault(source, set()).update({source, thumbnail})
    family = {}
    for members in by_source.values():
        for member in members:
            family.setdefault(member, set()).update(members)
    return family


def _in_a_revision(name):
    if not apps.is_installed("reversion"):
        return False
    from reversion.models import Version

    return Version.objects.filter(serialized_data__contains=name).exists()


def find_orphans(min_age=datetime.timedelta(days=1)):
    cutoff = timezone.now() - min_age
    referenced = referenced_names()
    orphans = []
    for label, storage in scanned_storages():
        old = {}
        for name in _walk(storage):
            if name in referenced[label]:
                continue
            modified = storage.get_modified_time(name)
            if modified < cutoff:
                old[name] = modified
        if not old:
            continue
        family = _families(list(old)) if label == "media" else {}
        for name, modified in sorted(old.items()):
            relatives = family.get(name, {name})
            if relatives & referenced[label] or any(_in_a_revision(n) for n in relatives):
                continue
            orphans.append(Orphan(label, name, modified))
    return orphans


def remove(orphans):
    storages = dict(scanned_storages())
    for orphan in orphans:
        storages[orphan.storage_label].delete(orphan.name)
