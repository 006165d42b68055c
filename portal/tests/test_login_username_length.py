"""A username longer than any account's is refused by the form, not by the database.

django-axes records each failed login with its username in a varchar(255); on
PostgreSQL a 256-character username made both login pages answer 500.
"""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN_PAGES = [reverse("accounts:login"), reverse("admin:login")]


@pytest.mark.parametrize("url", LOGIN_PAGES)
@pytest.mark.parametrize("length", [151, 256, 5000])
def test_an_overlong_username_is_refused_with_a_clear_message(client, url, length):
    response = client.post(url, {"username": "a" * length, "password": "sai-mat-khau"})

    assert response.status_code == 200
    assert "Tên đăng nhập dài tối đa 150 ký tự" in response.content.decode()
    assert not AccessAttempt.objects.exists()  # nothing reached the lockout records


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_a_wrong_password_with_a_longest_username_is_still_counted(client, url):
    client.post(url, {"username": "a" * 150, "password": "sai-mat-khau"})

    assert AccessAttempt.objects.get().username == "a" * 150
