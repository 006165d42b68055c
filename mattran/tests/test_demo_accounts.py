"""Demo accounts (`load_demo` under DEBUG=1: one public password, one superuser) never
serve a production site: `check --deploy` fails, gunicorn does not start and a login with
the demo password is refused while DEBUG is off."""

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from mattran import checks
from mattran.demo_accounts import DEMO_PASSWORD

DEMO_USERNAMES = [
    "bientap",
    "duyettin",
    "khupho1",
    "lanhdao",
    "nhapsolieu",
    "quantri",
    "thuky",
]
REFUSED_LOGIN = "Không thể đăng nhập bằng mật khẩu mẫu trên cổng thông tin chính thức"


def load_demo_accounts(settings):
    """The accounts exactly as `make run` makes them: load_demo with DEBUG on."""
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False


def check_deploy():
    call_command("check", "--deploy", databases=["default"], stdout=io.StringIO())


def change_password(username):
    user = get_user_model().objects.get(username=username)
    user.set_password("mat-khau-rieng-cua-phuong-2025")
    user.save()


# manage.py check --deploy --database default --------------------------------------------


@pytest.mark.django_db
def test_check_deploy_fails_naming_every_demo_account_until_each_is_changed_or_deleted(settings):
    load_demo_accounts(settings)

    with pytest.raises(SystemCheckError) as refused:
        check_deploy()
    message = str(refused.value)
    assert "mattran.E001" in message
    assert ", ".join(DEMO_USERNAMES) in message
    assert "manage.py changepassword <name>" in message

    for username in DEMO_USERNAMES:
        if username != "quantri":
            change_password(username)
    with pytest.raises(SystemCheckError) as refused:
        check_deploy()
    assert "still have the demo password: quantri." in str(refused.value)

    get_user_model().objects.filter(username="quantri").delete()
    check_deploy()


@pytest.mark.django_db
def test_demo_accounts_are_fine_in_development(settings):
    load_demo_accounts(settings)
    settings.DEBUG = True

    check_deploy()


@pytest.mark.django_db
def test_an_account_made_by_hand_under_a_demo_name_passes(django_user_model):
    # A ward may well call its own administrator "quantri": its password is what counts.
    django_user_model.objects.create_superuser("quantri", password="mat-khau-rieng-2025")
    django_user_model.objects.create_user("bientap")  # no usable password at all

    check_deploy()


@pytest.mark.django_db
def test_plain_check_deploy_asks_the_database_too(settings):
    # Django asks the database only given --database; an operator types `check --deploy`.
    load_demo_accounts(settings)
    with pytest.raises(SystemCheckError, match="mattran.E001"):
        call_command("check", "--deploy", stdout=io.StringIO())


@pytest.mark.django_db
def test_a_plain_check_touches_no_database(settings):
    # Without --deploy (runserver, migrate, tests) the check stays off the database.
    load_demo_accounts(settings)
    with CaptureQueriesContext(connection) as queries:
        call_command("check", stdout=io.StringIO())
    assert not [q for q in queries if "auth_user" in q["sql"]]


def test_the_start_up_check_lets_the_server_start_while_the_database_is_down(settings):
    # The site answers its own 503 page during an outage; refusing to boot would turn a
    # passing outage into a dead server. The login refusal below covers that window.
    settings.DEBUG = False
    down = OperationalError("could not connect to server")
    with mock.patch.object(connection, "cursor", side_effect=down):
        checks.refuse_demo_accounts_at_start()


# load_demo under DEBUG=0 -----------------------------------------------------------------


@pytest.mark.django_db
def test_load_demo_with_debug_off_makes_no_account_and_says_why(settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert not get_user_model().objects.exists()
    assert "Không tạo tài khoản mẫu vì DEBUG đang tắt" in out.getvalue()
    assert DEMO_PASSWORD not in out.getvalue()


# Logins ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("login_url", ["/tai-khoan/dang-nhap/", "/quan-tri/login/"])
def test_a_login_with_the_demo_password_is_refused_in_production(client, settings, login_url):
    load_demo_accounts(settings)

    response = client.post(login_url, {"username": "quantri", "password": DEMO_PASSWORD})

    assert response.status_code == 200
    assert REFUSED_LOGIN in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_demo_password_is_refused_whatever_the_account_is_called(client, django_user_model):
    django_user_model.objects.create_user("chu-tich", password=DEMO_PASSWORD, is_staff=True)

    response = client.post("/quan-tri/login/", {"username": "chu-tich", "password": DEMO_PASSWORD})

    assert REFUSED_LOGIN in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_demo_logins_work_in_development(client, settings):
    load_demo_accounts(settings)
    settings.DEBUG = True

    response = client.post("/quan-tri/login/", {"username": "quantri", "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


# gunicorn, as `make serve` starts it -------------------------------------------------------

BASE_DIR = Path(django_settings.BASE_DIR)
VENV_BIN = BASE_DIR / ".venv" / "bin"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def production_site(tmp_path):
    """A throwaway SQLite site with production settings; `manage(...)` runs a command."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "mattran.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "a-test-only-secret-key-long-enough-for-the-deploy-checks-0123",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
        "WEB_CONCURRENCY": "1",
    }

    def manage(*args, **extra_env):
        return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env={**env, **extra_env},
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )

    manage("migrate", "--noinput", "-v0")
    # The accounts as `make run` makes them, on the database production will serve.
    make_demo_accounts = (
        "import io; from mattran import demo_accounts; demo_accounts.load(io.StringIO())"
    )
    manage("shell", "-c", make_demo_accounts, DEBUG="1")
    return env, manage


def start_gunicorn(env, port):
    return subprocess.Popen(  # noqa: S603 - the project's own gunicorn and config
        [str(VENV_BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env={**env, "BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_gunicorn_refuses_to_start_while_a_demo_password_remains(production_site):
    env, manage = production_site
    port = free_port()

    server = start_gunicorn(env, port)
    try:
        log, _ = server.communicate(timeout=60)
    finally:
        server.kill()
    assert server.returncode != 0, log
    assert f"Demo accounts still have the demo password: {', '.join(DEMO_USERNAMES)}." in log
    assert "manage.py changepassword <name>" in log

    # Once every password is the ward's own, the same start serves the site.
    change_all = (
        "from django.contrib.auth.models import User\n"
        "for user in User.objects.all():\n"
        "    user.set_password('mat-khau-rieng-2025'); user.save()\n"
    )
    manage("shell", "-c", change_all)
    server = start_gunicorn(env, port)
    try:
        assert healthz_answers(server, port) == 200
    finally:
        server.terminate()
        server.communicate(timeout=30)


def healthz_answers(server, port, seconds=60):
    deadline = time.monotonic() + seconds
    url = f"http://127.0.0.1:{port}/healthz"
    while True:
        assert server.poll() is None, server.communicate()[0]
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - loopback
                return answer.status
        except OSError:
            assert time.monotonic() < deadline, f"gunicorn did not answer in {seconds} s"
            time.sleep(0.3)
