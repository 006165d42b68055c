"""`manage.py remove_orphan_files`: finds uploaded files no record references and
removes those older than a day; never a file that a row, a body, a revision or a
sibling rendition still names."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
import reversion
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import call_command

from documents.tests.documents import PDF_BYTES, make_document
from mattran.models import WardSettings
from mattran.tests import photos
from meetings.tests.factories import make_attachment
from news.models import Article
from news.tests.editing import UPLOAD_URL, grant_news_permissions

pytestmark = pytest.mark.django_db

TWO_DAYS = 2 * 24 * 3600


def all_files():
    found = set()
    for label, root in (
        ("media", django_settings.MEDIA_ROOT),
        ("private", django_settings.PRIVATE_MEDIA_ROOT),
    ):
        root = Path(root)
        files = [p for p in root.rglob("*") if p.is_file()]
        found |= {f"{label}:{p.relative_to(root).as_posix()}" for p in files}
    return found


def age_everything(seconds=TWO_DAYS):
    then = time.time() - seconds
    for root in (django_settings.MEDIA_ROOT, django_settings.PRIVATE_MEDIA_ROOT):
        for path in Path(root).rglob("*"):
            if path.is_file():
                os.utime(path, (then, then))


def drop(root, name, content=b"stray"):
    path = Path(root) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def run(*args):
    out = StringIO()
    call_command("remove_orphan_files", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def referenced(client, editor, category, public_meeting):
    """One of every kind of reference; returns the files they name (all must stay)."""
    grant_news_permissions(editor)
    client.force_login(editor)
    urls = client.post(UPLOAD_URL, {"upload": photos.photo(width=1600, height=1000)}).json()
    largest = urls["urls"]["default"]
    article = Article(title="Bài có ảnh", category=category, body=f'<p><img src="{largest}"></p>')
    article.cover.save("bia.jpg", photos.photo(width=1600, height=1000), save=False)
    with reversion.create_revision():
        article.save()
    # The cover replaced later: the first one lives on in the revision.
    article.cover.save("bia-moi.jpg", photos.photo(width=900, height=600), save=False)
    article.save()
    make_document()
    make_attachment(public_meeting)
    ward = WardSettings.current()
    ward.logo.save("logo.png", ContentFile(photos.png_bytes()), save=True)
    return all_files()


def test_only_old_unreferenced_files_are_removed(referenced, settings):
    drop(settings.MEDIA_ROOT, "news/covers/2024/01/bo-quen.jpg")
    drop(settings.MEDIA_ROOT, "editor/2024/01/mot-nua.jpg")
    drop(settings.PRIVATE_MEDIA_ROOT, "van-ban/2024/khong-ai-dung.pdf", PDF_BYTES)
    age_everything()
    young = drop(settings.MEDIA_ROOT, "editor/2024/01/dang-tai-len.jpg")
    orphans = {
        "media:news/covers/2024/01/bo-quen.jpg",
        "media:editor/2024/01/mot-nua.jpg",
        "private:van-ban/2024/khong-ai-dung.pdf",
    }

    listed = run("--dry-run")
    assert {line for line in listed.splitlines() if ":" in line and "/" in line} == orphans
    assert "Tìm thấy 3 tệp mồ côi (chạy thử, chưa xóa tệp nào)." in listed
    assert all_files() == referenced | orphans | {"media:editor/2024/01/dang-tai-len.jpg"}

    assert "Đã xóa 3 tệp mồ côi." in run()
    assert all_files() == referenced | {"media:editor/2024/01/dang-tai-len.jpg"}
    assert young.exists()  # younger than a day: maybe an upload being saved right now
    assert "Đã xóa 0 tệp mồ côi." in run()


def test_the_age_limit_can_be_changed(referenced, settings):
    drop(settings.MEDIA_ROOT, "editor/2024/01/mot-nua.jpg")
    age_everything(seconds=3 * 3600)
    assert "Tìm thấy 0" in run("--dry-run")
    assert "Tìm thấy 1" in run("--dry-run", "--older-than-hours", "2")


def test_references_cover_every_kind_of_file(referenced):
    kinds = {name.split(":")[1].split("/")[0] for name in referenced}
    # Editor photos and their renditions, covers (current and in a revision), the logo,
    # documents and meeting papers.
    assert {"editor", "news", "ward"} <= kinds
    assert any(name.startswith("private:") for name in referenced)
    assert len([n for n in referenced if n.startswith("media:editor/")]) == 4
    assert len([n for n in referenced if n.startswith("media:news/covers/")]) == 8
