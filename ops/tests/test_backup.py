"""Backups: `backup_site` then `restore_site` into a new, empty database gives back every row
and every file; a non-empty target or a damaged archive is refused with nothing changed.

The tests run on the suite's database, so the SQLite run proves the SQLite path (online
backup API) and the PostgreSQL run the pg_dump/pg_restore path.
"""

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.utils import load_backend

from news.models import Article

pytestmark = pytest.mark.django_db(transaction=True)

PHOTO_BYTES = bytes(range(256)) * 64


@pytest.fixture
def site(settings, tmp_path):
    """The demo content, one upload and one private paper, in folders of this test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    call_command("load_demo", stdout=io.StringIO())
    upload = Path(settings.MEDIA_ROOT) / "bai-viet" / "2024" / "ảnh-mặt-trận.jpg"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(PHOTO_BYTES)
    return settings


@pytest.fixture
def scratch_db(tmp_path):
    """A new, empty database of the suite's kind, under the alias "restored"."""
    alias = "restored"
    config = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        config["NAME"] = f"{connection.settings_dict['NAME']}_restore"[:63]
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    else:
        config["NAME"] = str(tmp_path / "restored.sqlite3")
    # A connection made here, not declared in settings: the test framework lets a
    # dynamically created connection through.
    wrapper = load_backend(config["ENGINE"]).DatabaseWrapper(config, alias)
    connections[alias] = wrapper
    yield alias
    wrapper.close()
    del connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')


def backup(tmp_path):
    out = io.StringIO()
    call_command("backup_site", output_dir=str(tmp_path / "backups"), stdout=out)
    (archive,) = (tmp_path / "backups").glob("mattran-*.tar.gz")
    return archive, out.getvalue()


def move_media(settings, tmp_path, name):
    settings.MEDIA_ROOT = tmp_path / name / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / name / "private-media"


def table_names(alias):
    with connections[alias].cursor() as cursor:
        return connections[alias].introspection.table_names(cursor)


def row_counts(alias):
    return {
        model._meta.label_lower: model._base_manager.using(alias).count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def files_under(root):
    root = Path(root)
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_backup_then_restore_gives_back_every_row_and_file(site, tmp_path, scratch_db):
    before = row_counts("default")
    media_before = files_under(site.MEDIA_ROOT)
    private_before = files_under(site.PRIVATE_MEDIA_ROOT)
    assert before["news.article"] > 0 and private_before  # something worth restoring

    archive, said = backup(tmp_path)
    assert "Backup written" in said
    move_media(site, tmp_path, "restored")
    out = io.StringIO()
    call_command("restore_site", str(archive), database=scratch_db, stdout=out)

    assert "match the manifest" in out.getvalue()
    assert row_counts(scratch_db) == before
    first = Article.objects.order_by("pk").first()
    assert Article.objects.using(scratch_db).get(pk=first.pk).title == first.title
    assert files_under(site.MEDIA_ROOT) == media_before
    assert files_under(site.PRIVATE_MEDIA_ROOT) == private_before
    photo = Path(site.MEDIA_ROOT) / "bai-viet" / "2024" / "ảnh-mặt-trận.jpg"
    assert photo.read_bytes() == PHOTO_BYTES


def test_the_manifest_names_kind_migrations_counts_and_checksums(site, tmp_path):
    archive, _ = backup(tmp_path)
    with tarfile.open(archive, "r:gz") as opened:
        names = opened.getnames()
        manifest = json.loads(opened.extractfile("manifest.json").read())

    assert names[0] == "manifest.json"
    assert manifest["database"]["vendor"] == connection.vendor
    assert "news.0001_initial" in manifest["migrations"]
    assert manifest["row_counts"]["news_article"] == Article.objects.count()
    assert set(manifest["members"]) == set(names[1:])
    assert "media/bai-viet/2024/ảnh-mặt-trận.jpg" in manifest["members"]
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())


def test_restore_into_a_database_with_tables_is_refused_and_changes_nothing(site, tmp_path):
    archive, _ = backup(tmp_path)
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).delete()
    before = row_counts("default")
    move_media(site, tmp_path, "other")

    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore_site", str(archive))

    assert row_counts("default") == before
    assert not Path(site.MEDIA_ROOT).exists()


def test_restore_into_a_media_folder_with_files_is_refused(site, tmp_path, scratch_db):
    archive, _ = backup(tmp_path)
    # The live folders still hold the site's uploads.
    with pytest.raises(CommandError, match="media folder .* is not empty"):
        call_command("restore_site", str(archive), database=scratch_db)
    assert table_names(scratch_db) == []


def damaged_copies(archive, tmp_path):
    data = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.tar.gz"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    # A well-formed archive whose upload was swapped after the manifest was written.
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(altered, "w:gz") as target:
        for member in source:
            content = source.extractfile(member).read()
            if member.name.endswith("ảnh-mặt-trận.jpg"):
                content = b"not the photo"
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    not_gzip = tmp_path / "plain.tar.gz"
    not_gzip.write_bytes(gzip.decompress(data)[:1000])
    return {"truncated": truncated, "flipped": flipped, "altered": altered, "plain": not_gzip}


def test_a_damaged_archive_is_refused_with_nothing_changed(site, tmp_path, scratch_db):
    archive, _ = backup(tmp_path)
    move_media(site, tmp_path, "restored")

    for kind, damaged in damaged_copies(archive, tmp_path).items():
        with pytest.raises(CommandError) as refused:
            call_command("restore_site", str(damaged), database=scratch_db)
        assert "nothing was restored" in str(refused.value) or "damaged" in str(refused.value), kind
        with pytest.raises(CommandError):
            call_command("restore_site", str(damaged), verify_only=True)
        assert table_names(scratch_db) == [], kind
        assert not Path(site.MEDIA_ROOT).exists(), kind
        assert not Path(site.PRIVATE_MEDIA_ROOT).exists(), kind


def test_verify_only_checks_every_member_and_touches_nothing(site, tmp_path, scratch_db):
    archive, _ = backup(tmp_path)
    out = io.StringIO()
    call_command("restore_site", str(archive), verify_only=True, database=scratch_db, stdout=out)
    assert "Archive OK" in out.getvalue()
    assert table_names(scratch_db) == []
