"""Staff accounts: login rate limits, the Content-Security-Policy, deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from mattran.tests.accounts import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_PAGES = ["/tai-khoan/dang-nhap/", "/quan-tri/login/"]


def bad_logins(client, url, username, times, ip="10.0.0.1"):
    for _ in range(times):
        client.post(url, {"username": username, "password": "sai-mat-khau"}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_too_many_bad_logins_lock_the_account_with_a_vietnamese_page(client, editor, url):
    bad_logins(client, url, editor.username, settings.AXES_FAILURE_LIMIT)
    # Even the right password is refused now.
    response = client.post(
        url, {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_one_bad_login_short_of_the_limit_still_lets_the_right_password_in(client, editor, url):
    bad_logins(client, url, editor.username, settings.AXES_FAILURE_LIMIT - 1)
    response = client.post(
        url, {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lock_holds_a_username_from_one_address_only(client, editor, reviewer):
    url = LOGIN_PAGES[0]
    bad_logins(client, url, editor.username, settings.AXES_FAILURE_LIMIT)
    # The same person from another address, and another person from this one, still log in.
    other_ip = client.post(
        url, {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_ip.status_code == 302
    client.logout()
    other_user = client.post(
        url, {"username": reviewer.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert other_user.status_code == 302


def test_behind_a_proxy_the_client_address_header_is_used(client, editor, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    url = LOGIN_PAGES[0]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            url,
            {"username": editor.username, "password": "sai"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    # Another resident behind the same proxy is not locked out.
    response = client.post(
        url,
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/", "/tin-tuc/", "/quan-tri/login/"])
def test_pages_carry_a_content_security_policy_without_eval(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


def test_the_admin_works_under_the_policy_with_no_inline_script(client, editor):
    client.force_login(editor)
    page = client.get("/quan-tri/news/article/add/").content.decode()
    # Every <script> loads a file or is a JSON data block; none runs inline code.
    for tag in page.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening, opening


def test_check_deploy_is_clean_in_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mattran.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "k3y-" + "x9Q!z" * 9 + "a",
        "ALLOWED_HOSTS": "mattran.example.gov.vn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
