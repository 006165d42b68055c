"""Header links, the footer's log-out form and what robots.txt keeps out."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def nav(html):
    return html[html.index('<nav class="site-nav"') : html.index("</nav>")]


def footer(html):
    return html[html.index('<footer class="site-footer"') : html.index("</footer>")]


def test_header_links_to_the_committee_roster_for_everyone(client):
    links = nav(client.get("/").content.decode())

    assert f'href="{reverse("committee:index")}"' in links
    assert ">Tổ chức</a>" in links
    assert "Lãnh đạo" not in links


def test_roster_page_marks_its_nav_link_current(client):
    links = nav(client.get(reverse("committee:index")).content.decode())

    assert re.search(r'href="/to-chuc/"\s+aria-current="page">Tổ chức', links)


def test_header_links_to_the_leaders_page_for_leaders_only(client, leader, staff_outside_leaders):
    client.force_login(staff_outside_leaders)
    assert "Lãnh đạo" not in nav(client.get("/").content.decode())

    client.force_login(leader)
    links = nav(client.get("/").content.decode())
    assert f'href="{reverse("leaders")}"' in links
    assert ">Lãnh đạo</a>" in links


def test_footer_logs_out_with_a_post_form_carrying_the_csrf_token(client, leader):
    client.force_login(leader)

    html = footer(client.get("/").content.decode())

    form = re.search(r'<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form.group(1) == reverse("accounts:logout")
    assert 'name="csrfmiddlewaretoken"' in form.group(2)
    assert ">Đăng xuất</button>" in form.group(2)
    assert f'<a href="{reverse("accounts:logout")}"' not in html


def test_footer_logout_form_logs_the_leader_out(leader):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(leader)
    html = footer(browser.get("/").content.decode())
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    response = browser.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert browser.get(reverse("leaders")).status_code == 302  # back to the login page


def test_anonymous_footer_keeps_the_login_link(client):
    html = footer(client.get("/").content.decode())

    assert f'href="{reverse("accounts:login")}"' in html
    assert "Đăng xuất" not in html


def test_robots_keeps_staff_preview_uploads_and_accounts_out(client):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert "Disallow: /bien-tap/" in lines
    assert "Disallow: /tai-khoan/" in lines
