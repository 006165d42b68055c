"""Issue 18's must-show: a ward's database made before the restructure migrates forward,
and a backup of it restores, with every row kept.

The tree of the last commit before the restructure is taken out of git into a temporary
folder. There, with this same Python, a new database gets its migrations, the demo, the
generated archive and some history on the models that move (Page to `pages`, Link to
`links`, Document to `documents`, VisitDay to `visitors`): revisions, a recoverable
deleted document, admin log entries, a right given to one person. That tree also makes a
`make backup` archive. Then this tree migrates the database in place, and restores the
archive into an empty database and migrates it; both must keep:

- every table of before, under the same name (the restructure keeps `db_table`s), with
  the same number of rows;
- every content type and permission row, by id, now named for the model's new app, so
  revisions, admin log entries and rights keep pointing at the right model;
- every revision loadable (history screens and "recover deleted" read them) as the
  model's new label, and the same deleted objects to recover;
- every group's and person's rights (Duyệt tin still publishes pages: `pages.publish_page`);
- a schema equal to the one this tree's migrations make from nothing, and a clean
  `manage.py check`.

Which model a row belongs to now is found by its table, so before the restructure lands
(old tree == this tree) the test passes with every label unchanged.

Runs on the suite's database kind: on SQLite in files under a temporary folder; on
PostgreSQL in databases it creates on the suite's server and drops afterwards.
"""

import io
import json
import os
import secrets
import shutil
import subprocess  # noqa: S404 - git and manage.py, fixed arguments, no shell
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

# `git rev-parse merge-faults` on the day issue 18 began: the merge of issue 17, the last
# commit before the restructure.
COMMIT_BEFORE_RESTRUCTURE = "d8f6060bd473e1958cd29b69bc8d6925091c860f"
GENERATED = ["--articles", "300", "--meetings", "30", "--entries", "300", "--seed", "18"]
CURRENT_TREE = Path(settings.BASE_DIR)
HERE = Path(__file__).resolve().parent
CENSUS = (HERE / "migration_census.py").read_text()
HISTORY = (HERE / "migration_history.py").read_text()
CENSUS_MARKER = "MIGRATION-CENSUS:"
REVIEWERS = "Duyệt tin"
# Tables whose rows a forward migrate adds to by design: the applied migrations, and the
# content types and permissions of any new model (with the groups' rights on them).
# Their old rows must all still be there (checked by id below); they may only grow.
MAY_GROW = {"django_migrations", "django_content_type", "auth_permission", "auth_group_permissions"}
MIGRATE_SECONDS = 600
STEP_SECONDS = 300
# Settings the parent's environment may carry that must not reach either tree.
NOT_PASSED = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH", "SECRET_KEY",
              "MEDIA_STORAGE", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"}  # fmt: skip

pytestmark = pytest.mark.slow


# Running manage.py in a tree -------------------------------------------------------


def _tail(text, lines=40):
    return "\n".join((text or "").splitlines()[-lines:])


def run_step(step, command, cwd, env=None, timeout=STEP_SECONDS):
    """Run one command; a failure names the step and shows the end of its output."""
    started = time.monotonic()
    failure = None
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            command, cwd=cwd, env=env, timeout=timeout, check=True, capture_output=True
        )
    except subprocess.CalledProcessError as error:
        failure = (
            f"{step} failed (exit {error.returncode}) in {cwd}:\n$ {' '.join(command)}\n"
            f"--- stdout\n{_tail(error.stdout.decode(errors='replace'))}\n"
            f"--- stderr\n{_tail(error.stderr.decode(errors='replace'))}"
        )
    except subprocess.TimeoutExpired:
        failure = f"{step} took longer than {timeout} s in {cwd}"
    if failure:
        pytest.fail(failure, pytrace=False)
    print(f"  {step}: {time.monotonic() - started:.1f} s", flush=True)
    return result


class Site:
    """One tree's manage.py on one database and one pair of media folders."""

    def __init__(self, name, tree, database_url, media):
        self.name, self.tree = name, tree
        self.env = {k: v for k, v in os.environ.items() if k not in NOT_PASSED}
        self.env.update(
            DEBUG="1",
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(media / "media"),
            PRIVATE_MEDIA_ROOT=str(media / "private-media"),
            LOG_LEVEL="WARNING",
            REQUEST_LOG="0",
            PYTHONDONTWRITEBYTECODE="1",
        )

    def manage(self, *args, timeout=STEP_SECONDS, step=None):
        command = [sys.executable, "manage.py", *args]
        step = f"{self.name}: {step or 'manage.py ' + ' '.join(args)}"
        return run_step(step, command, self.tree, self.env, timeout)

    def shell(self, code, step):
        return self.manage("shell", "--no-imports", "-c", code, step=step)

    def census(self):
        out = self.shell(CENSUS, "census").stdout.decode()
        lines = [line for line in out.splitlines() if line.startswith(CENSUS_MARKER)]
        assert len(lines) == 1, f"no census from {self.name}:\n{_tail(out)}"
        return json.loads(lines[0][len(CENSUS_MARKER) :])


def _git(*args, timeout):
    git = shutil.which("git")
    if git is None:
        pytest.fail("git is not installed: this test takes the old tree out of git", pytrace=False)
    return subprocess.run(  # noqa: S603 - git itself, fixed arguments
        [git, "-C", str(CURRENT_TREE), *args], capture_output=True, timeout=timeout, check=False
    )


def extract_commit(commit, target):
    """`git archive <commit> | tar -x -C target`, from this clone's history."""
    if _git("rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}", timeout=30).returncode:
        pytest.fail(
            f"The commit before the restructure ({commit}, merge-faults) is not in the git "
            f"history of {CURRENT_TREE}: a shallow clone? This test needs the full history "
            "(git fetch --unshallow; in CI, a checkout with fetch-depth: 0).",
            pytrace=False,
        )
    started = time.monotonic()
    archive = _git("archive", "--format=tar", commit, timeout=120)
    assert archive.returncode == 0, archive.stderr.decode(errors="replace")
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    print(f"  git archive {commit[:12]}: {time.monotonic() - started:.1f} s", flush=True)
    return target


# Databases of the suite's kind -----------------------------------------------------


class ScratchDatabases:
    """New, empty databases: SQLite files, or PostgreSQL databases on the suite's server
    that are dropped at the end."""

    def __init__(self, folder):
        self.folder = folder
        self.made = []
        self.prefix = f"mig_{secrets.token_hex(4)}"

    @staticmethod
    def _server():
        db = settings.DATABASES["default"]
        return {
            "host": db.get("HOST") or "localhost",
            "port": str(db.get("PORT") or 5432),
            "user": db.get("USER") or "postgres",
            "password": db.get("PASSWORD") or "",
        }

    def _admin(self):
        import psycopg2

        server = self._server()
        link = psycopg2.connect(dbname="postgres", connect_timeout=10, **server)
        link.autocommit = True
        return link

    def new(self, name):
        if connection.vendor != "postgresql":
            return f"sqlite:///{self.folder / f'{name}.sqlite3'}"
        from psycopg2 import sql

        database = f"{self.prefix}_{name}"
        link = self._admin()
        try:
            with link.cursor() as cursor:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        finally:
            link.close()
        self.made.append(database)
        server = self._server()
        credentials = quote(server["user"], safe="")
        if server["password"]:
            credentials += ":" + quote(server["password"], safe="")
        return f"postgres://{credentials}@{server['host']}:{server['port']}/{database}"

    def drop_all(self):
        if not self.made:
            return
        from psycopg2 import sql

        link = self._admin()
        try:
            with link.cursor() as cursor:
                for database in self.made:
                    cursor.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                            sql.Identifier(database)
                        )
                    )
        finally:
            link.close()


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    scratch = ScratchDatabases(tmp_path_factory.mktemp("databases"))
    yield scratch
    scratch.drop_all()


@pytest.fixture(scope="module")
def before(tmp_path_factory, databases):
    """The database a ward has the day the restructure lands, made by the old tree; its
    census; a backup archive of it, made by the old tree too."""
    folder = tmp_path_factory.mktemp("before")
    print(f"\n[{connection.vendor}] database built at {COMMIT_BEFORE_RESTRUCTURE[:12]}", flush=True)
    old_tree = extract_commit(COMMIT_BEFORE_RESTRUCTURE, folder / "tree")
    url = databases.new("before")
    old = Site("old tree", old_tree, url, folder)
    old.manage("migrate", "--noinput", timeout=MIGRATE_SECONDS)
    old.manage("load_demo")
    old.manage("generate_data", *GENERATED, timeout=MIGRATE_SECONDS)
    old.shell(HISTORY, "history on the moving models")
    census = old.census()
    old.manage("backup_site", "--output-dir", str(folder / "backups"))
    (archive,) = (folder / "backups").glob("mattran-*.tar.gz")
    _check_the_history_was_made(census)
    return {"url": url, "media": folder, "census": census, "archive": archive}


def _check_the_history_was_made(census):
    versions = Counter(v["content_type"] for v in census["versions"].values())
    for label in ("mattran.page", "mattran.link", "mattran.document", "news.article"):
        assert versions[label] >= 2, f"the old tree made no revisions of {label}: {versions}"
    assert census["deleted"]["mattran.document"] == 1, census["deleted"]
    assert census["tables"]["mattran_visitday"] == 3
    assert census["tables"]["news_article"] >= 300
    failing = {pk: v for pk, v in census["versions"].items() if v["loads_as"].startswith("ERROR")}
    assert not failing, f"revisions that do not load even in the old tree: {failing}"


# Comparing before and after ----------------------------------------------------------


def relabel(before, after):
    """old label -> label now, for every model of before: the model now keeping the same
    table under the same model name (a moved model keeps both; only its app changes)."""
    now = {(table, label.split(".")[1]): label for label, table in after["models"].items()}
    return {
        label: now.get((table, label.split(".")[1]), label)
        for label, table in before["models"].items()
    }


def _right_relabelled(right, permission_models, labels):
    """ "mattran.publish_page" -> "pages.publish_page" when Page moved to pages."""
    app, codename = right.split(".", 1)
    model = permission_models.get((app, codename))
    if model is None:
        return right
    return f"{labels.get(model, model).split('.')[0]}.{codename}"


def problems_after_migrate(before, after):
    """Everything of before that after lost or no longer finds; [] when all is kept."""
    labels = relabel(before, after)

    def new(label):
        return labels.get(label, label)

    problems = []

    for table, rows in sorted(before["tables"].items()):
        if table not in after["tables"]:
            problems.append(
                f"table {table}: {rows} rows before, missing after (renamed or dropped; "
                "the restructure keeps db_tables)"
            )
            continue
        found = after["tables"][table]
        if found < rows or (found != rows and table not in MAY_GROW):
            problems.append(f"table {table}: {rows} rows before, {found} after")

    for pk, label in before["content_types"].items():
        now = after["content_types"].get(pk)
        if now != new(label):
            problems.append(f"content type {pk} ({label}): expected {new(label)}, found {now}")

    for pk, (model, codename) in before["permissions"].items():
        now = after["permissions"].get(pk)
        if now != [new(model), codename]:
            found = " ".join(now) if now else "nothing"
            problems.append(
                f"permission {pk} ({model} {codename}): expected {new(model)} {codename}, "
                f"found {found}"
            )

    for group, rights in before["groups"].items():
        wanted = {f"{new(r.split(' ')[0])} {r.split(' ')[1]}" for r in rights}
        lost = sorted(wanted - set(after["groups"].get(group, [])))
        if lost:
            problems.append(f"group {group}: {len(rights)} rights before, lost {lost}")

    permission_models = {
        (model.split(".")[0], codename): model for model, codename in before["permissions"].values()
    }
    for user, rights in before["user_rights"].items():
        wanted = {_right_relabelled(r, permission_models, labels) for r in rights}
        lost = sorted(wanted - set(after["user_rights"].get(user, [])))
        if lost:
            problems.append(f"account {user}: {len(rights)} rights before, lost {lost}")

    versions_before = Counter(new(v["content_type"]) for v in before["versions"].values())
    versions_after = Counter(v["content_type"] for v in after["versions"].values())
    for label in sorted(set(versions_before) | set(versions_after)):
        if versions_before[label] != versions_after[label]:
            problems.append(
                f"revisions of {label}: {versions_before[label]} before, "
                f"{versions_after[label]} after"
            )
    for pk, version in before["versions"].items():
        now = after["versions"].get(pk)
        expected = new(version["content_type"])
        if now is None:
            problems.append(f"revision {pk} of {version['content_type']} is gone")
        elif now["content_type"] != expected or now["object_id"] != version["object_id"]:
            problems.append(
                f"revision {pk}: was {version['content_type']} #{version['object_id']}, "
                f"now {now['content_type']} #{now['object_id']} (expected {expected})"
            )
        elif now["loads_as"] != expected:
            problems.append(f"revision {pk} of {expected} does not load: {now['loads_as']}")

    for label, count in before["deleted"].items():
        found = after["deleted"].get(new(label))
        if found != count:
            problems.append(
                f"recoverable deleted {new(label)}: {count} before (as {label}), {found} after"
            )

    for pk, entry in before["log_entries"].items():
        now = after["log_entries"].get(pk)
        expected = entry["content_type"] and new(entry["content_type"])
        if now is None:
            problems.append(f"admin log entry {pk} is gone")
        elif now["content_type"] != expected or (expected and now["edits"] != expected):
            problems.append(
                f"admin log entry {pk} on {entry['content_type']}: expected {expected}, "
                f"found {now['content_type']}, its object: {now['edits']}"
            )
    return problems


def schema_differences(migrated, fresh):
    """Where a migrated old database's schema differs from one this tree makes from
    nothing (the state the restructure's migrations claim against the real tables)."""
    differences = []
    for table in sorted(set(migrated) | set(fresh)):
        if table not in fresh:
            differences.append(f"table {table}: in the migrated database, not in a new one")
        elif table not in migrated:
            differences.append(f"table {table}: in a new database, not in the migrated one")
        else:
            for part in ("columns", "constraints"):
                old, new = set(migrated[table][part]), set(fresh[table][part])
                if old != new:
                    differences.append(
                        f"table {table} {part}: only migrated {sorted(old - new)}, "
                        f"only new {sorted(new - old)}"
                    )
    return differences


def assert_kept(before, after, what):
    problems = problems_after_migrate(before, after)
    assert not problems, f"{what}: {len(problems)} problems\n" + "\n".join(problems)


def page_rights_label(before, after):
    """The label of the reviewers' right to publish pages now: mattran.publish_page before
    the restructure, pages.publish_page after it."""
    page = relabel(before, after)["mattran.page"]
    return f"{page.split('.')[0]}.publish_page"


# The tests ---------------------------------------------------------------------------


def test_a_database_from_before_the_restructure_migrates_with_every_row(
    before, databases, tmp_path
):
    now = Site("this tree", CURRENT_TREE, before["url"], before["media"])
    now.manage("migrate", "--noinput", timeout=MIGRATE_SECONDS)
    after = now.census()

    assert_kept(before["census"], after, "migrating the old database")
    publish_page = page_rights_label(before["census"], after)
    assert publish_page in after["user_rights"]["duyettin"]
    assert (
        f"{relabel(before['census'], after)['mattran.page']} publish_page"
        in (after["groups"][REVIEWERS])
    )

    checked = now.manage("check").stdout.decode()
    assert "System check identified no issues" in checked, checked
    now.manage("makemigrations", "--check", "--dry-run")

    fresh = Site("this tree, new database", CURRENT_TREE, databases.new("fresh"), tmp_path)
    fresh.manage("migrate", "--noinput", timeout=MIGRATE_SECONDS)
    differences = schema_differences(after["schema"], fresh.census()["schema"])
    assert not differences, "schema after migrating differs from a new database:\n" + "\n".join(
        differences
    )


def test_a_backup_made_before_the_restructure_restores_and_migrates(before, databases, tmp_path):
    restored = Site("this tree, restored", CURRENT_TREE, databases.new("restored"), tmp_path)
    restored.manage("restore_site", str(before["archive"]), timeout=MIGRATE_SECONDS)
    restored.manage("migrate", "--noinput", timeout=MIGRATE_SECONDS)
    after = restored.census()

    assert_kept(before["census"], after, "restoring the old backup, then migrating")
    assert page_rights_label(before["census"], after) in after["user_rights"]["duyettin"]
    files = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert any(str(f).startswith("private-media/") for f in files), files
