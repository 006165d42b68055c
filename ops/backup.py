"""Backups of the whole site: the database and both media folders in one checked archive.

An archive (`mattran-<UTC time>.tar.gz`) holds
- `manifest.json`: when it was made, the database kind, the applied migrations, the row
  count of every table and the sha256 of every other member;
- `database.dump` (PostgreSQL, `pg_dump -Fc`) or `database.sqlite3` (SQLite, copied with
  the online backup API, so a live file is never read half-written);
- `media/…` and `private-media/…`: the uploads and the leaders-only papers.

The row counts are taken from the same snapshot as the dump (an exported PostgreSQL
snapshot, or the SQLite copy itself), so a backup made while staff work still checks.

A restore reads and checks the whole archive before it touches anything, goes only into
an empty database and empty media folders, and compares the row counts afterwards.
Operator messages are in English: this is a command-line tool for whoever runs the server.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump/pg_restore, fixed arguments, no shell
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

FORMAT = 1
MANIFEST = "manifest.json"
PG_MEMBER = "database.dump"
SQLITE_MEMBER = "database.sqlite3"
MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that must stop; the message tells the operator why."""


# Reading the database -------------------------------------------------------------


# Archives made before a model moved to an app of its own name it by its old label; its
# table stayed (issue 18: pages, links, documents and visitors left the core app).
MOVED_LABELS = {
    "mattran.page": "mattran_page",
    "mattran.link": "mattran_link",
    "mattran.document": "mattran_document",
    "mattran.visitday": "mattran_visitday",
}


def _tables():
    """Every table Django manages (models and many-to-many tables), by table name: a
    model that moves between apps keeps its table, and its archive still matches."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            tables[meta.db_table] = meta.db_table
    return dict(sorted(tables.items()))


def _label_tables():
    """Table names by model label, for archives whose counts are keyed by label."""
    labels = {
        model._meta.label_lower: model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
    }
    return {**MOVED_LABELS, **labels}


def _count_rows(cursor, quote, tables=None):
    counts = {}
    for label, table in (tables or _tables()).items():
        # bandit: the table names come from the models, quoted by the backend.
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608  # nosec B608
        counts[label] = cursor.fetchone()[0]
    return counts


def _applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _pg_env(db):
    """libpq reads these, so a password never shows in a process list."""
    env = dict(os.environ)
    for key, name in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if db.get(name):
            env[key] = str(db[name])
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip() or result.returncode}")


def _dump_postgresql(connection, target):
    """pg_dump inside a snapshot shared with our counts: both see the same moment."""
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside an open transaction.")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
             "-f", str(target)],
            _pg_env(connection.settings_dict),
        )  # fmt: skip
        return _applied_migrations(cursor), _count_rows(cursor, connection.ops.quote_name)


def _dump_sqlite(connection, target):
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        return _applied_migrations(cursor), _count_rows(cursor, connection.ops.quote_name)
    finally:
        copy.close()


# Writing an archive ---------------------------------------------------------------


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _media_files():
    """(archive name, path) of every regular file in both media folders."""
    for prefix, setting in MEDIA_FOLDERS.items():
        root = Path(getattr(settings, setting))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            # Links could point anywhere on the server: never followed into an archive.
            if path.is_file() and not path.is_symlink():
                yield f"{prefix}/{path.relative_to(root).as_posix()}", path


def _archive_name(folder):
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"mattran-{stamp}.tar.gz"
    suffix = 1
    while path.exists():
        suffix += 1
        path = folder / f"mattran-{stamp}-{suffix}.tar.gz"
    return path


def make_backup(output_dir, using="default"):
    """Write one archive into output_dir and return its path and manifest."""
    connection = connections[using]
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".backup-") as staging:
        if connection.vendor == "postgresql":
            member, dump = PG_MEMBER, Path(staging) / PG_MEMBER
            migrations, counts = _dump_postgresql(connection, dump)
        elif connection.vendor == "sqlite":
            member, dump = SQLITE_MEMBER, Path(staging) / SQLITE_MEMBER
            migrations, counts = _dump_sqlite(connection, dump)
        else:
            raise BackupError(f"No backup method for a {connection.vendor} database.")
        members = [(member, dump), *_media_files()]
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": connection.vendor, "member": member},
            "migrations": migrations,
            "row_counts": counts,
            "members": {
                name: {"sha256": _sha256(path), "size": path.stat().st_size}
                for name, path in members
            },
        }
        path = _archive_name(output_dir)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o600
            archive.addfile(info, io.BytesIO(data))
            for name, source in members:
                archive.add(source, arcname=name, recursive=False)
        # Only a finished archive carries the real name: a crash leaves a ".partial".
        os.replace(partial, path)
        path.chmod(0o600)
    return path, manifest


# Reading an archive back ----------------------------------------------------------


def _safe_name(name):
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and "\\" not in name


def read_manifest(archive_path):
    """Open the archive, check every member against the manifest; return the manifest.

    Raises BackupError on anything wrong: a truncated or corrupt file, a missing,
    extra or altered member, a name that would land outside its folder."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            first = archive.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError("Not a site backup: manifest.json is not its first member.")
            manifest = json.loads(archive.extractfile(first).read().decode())
            if manifest.get("format") != FORMAT:
                raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
            expected = manifest["members"]
            seen = set()
            for member in archive:
                if member is first:
                    continue
                name = member.name
                if not member.isfile() or not _safe_name(name) or name not in expected:
                    raise BackupError(f"Unexpected member in the archive: {name!r}.")
                if name in seen:
                    raise BackupError(f"Member stored twice in the archive: {name!r}.")
                digest = hashlib.sha256()
                handle = archive.extractfile(member)
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != expected[name]["sha256"]:
                    raise BackupError(
                        f"Checksum mismatch for {name!r}: the archive is damaged; "
                        "nothing was restored."
                    )
                seen.add(name)
    except (tarfile.TarError, zlib.error, EOFError, OSError, ValueError, KeyError) as error:
        # zlib errors, truncation and broken JSON all end here.
        raise BackupError(f"The archive cannot be read ({error}); nothing was restored.") from error
    missing = set(expected) - seen
    if missing:
        raise BackupError(f"Members missing from the archive: {', '.join(sorted(missing))}.")
    if manifest["database"]["member"] not in seen:
        raise BackupError("The archive holds no database.")
    return manifest


# Restoring ------------------------------------------------------------------------


def _database_tables(connection):
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def _check_targets(connection, manifest):
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup holds a {vendor} database; the target is {connection.vendor}."
        )
    tables = _database_tables(connection)
    if tables:
        raise BackupError(
            f"Refusing to restore: the database {connection.settings_dict['NAME']!s} is not "
            f"empty ({len(tables)} tables). Restore into a new, empty database."
        )
    for prefix, setting in MEDIA_FOLDERS.items():
        root = Path(getattr(settings, setting))
        if root.exists() and any(root.iterdir()):
            raise BackupError(
                f"Refusing to restore: the {prefix} folder {root} is not empty. "
                "Move it aside or point the setting at an empty folder."
            )


def _restore_postgresql(connection, dump):
    connection.close()
    _run(
        ["pg_restore", "--single-transaction", "--exit-on-error", "--no-owner",
         "--no-privileges", "-d", str(connection.settings_dict["NAME"]), str(dump)],
        _pg_env(connection.settings_dict),
    )  # fmt: skip


def _restore_sqlite(connection, copy):
    target = Path(connection.settings_dict["NAME"])
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Through the backup API into the (empty) target, so a server holding the file open
    # sees a whole database or none.
    source = sqlite3.connect(copy)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def _extract(archive_path, manifest, staging):
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            name = member.name
            if name == MANIFEST or name == manifest["database"]["member"]:
                target = Path(staging) / name
            else:
                target = Path(staging) / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out, _CHUNK)


def _place_media(staging):
    for prefix, setting in MEDIA_FOLDERS.items():
        source = Path(staging) / "files" / prefix
        if not source.is_dir():
            continue
        root = Path(getattr(settings, setting))
        root.mkdir(parents=True, exist_ok=True)
        for path in source.iterdir():
            shutil.move(str(path), root / path.name)


@dataclass
class Verification:
    expected: dict
    found: dict

    @property
    def differences(self):
        labels = sorted(set(self.expected) | set(self.found))
        return {
            label: (self.expected.get(label), self.found.get(label))
            for label in labels
            if self.expected.get(label) != self.found.get(label)
        }


def verify(manifest, using="default"):
    """Row counts of the live database against the manifest."""
    connection = connections[using]
    # Counts keyed by table (or, in an older archive, by model label): only the tables the
    # archive holds are counted, since a newer release's tables appear at the next migrate.
    by_label = _label_tables()
    expected = {by_label.get(key, key): count for key, count in manifest["row_counts"].items()}
    with connection.cursor() as cursor:
        found = _count_rows(cursor, connection.ops.quote_name, {t: t for t in expected})
    return Verification(expected, found)


def restore_backup(archive_path, using="default"):
    """Restore an archive into an empty database and empty media folders; verify counts."""
    manifest = read_manifest(archive_path)
    connection = connections[using]
    _check_targets(connection, manifest)
    with tempfile.TemporaryDirectory(prefix="mattran-restore-") as staging:
        _extract(archive_path, manifest, staging)
        dump = Path(staging) / manifest["database"]["member"]
        if _sha256(dump) != manifest["members"][manifest["database"]["member"]]["sha256"]:
            raise BackupError("The database copy changed while it was read; nothing restored.")
        if connection.vendor == "postgresql":
            _restore_postgresql(connection, dump)
        else:
            _restore_sqlite(connection, dump)
        _place_media(staging)
    result = verify(manifest, using)
    with connection.cursor() as cursor:
        migrations = _applied_migrations(cursor)
    if migrations != manifest["migrations"]:
        raise BackupError("Restored, but the migration state differs from the manifest.")
    if result.differences:
        lines = ", ".join(f"{k}: {a} expected, {b} found" for k, a, b in _flat(result))
        raise BackupError(f"Restored, but row counts differ: {lines}.")
    return manifest, result


def _flat(result):
    for label, (expected, found) in result.differences.items():
        yield label, expected, found
