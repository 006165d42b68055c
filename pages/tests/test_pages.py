import re
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.template import Context, Template
from reversion.models import Version

from mattran.models import ResidentialArea, WardSettings
from pages.models import Page
from portal.sitemaps import AreaSitemap, PageSitemap

pytestmark = pytest.mark.django_db


def _page(title, order=0, **fields):
    fields.setdefault("is_published", True)
    fields.setdefault("body", f"<p>Nội dung trang {title}.</p>")
    return Page.objects.create(title=title, menu_order=order, **fields)


def test_page_has_a_vietnamese_slug_and_shows_its_body(client):
    page = _page("Chức năng, nhiệm vụ", body="<p>Tập hợp khối đại đoàn kết toàn dân tộc.</p>")

    response = client.get("/gioi-thieu/chuc-nang-nhiem-vu/")

    assert page.slug == "chuc-nang-nhiem-vu"
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Chức năng, nhiệm vụ</h1>" in html
    assert "Tập hợp khối đại đoàn kết toàn dân tộc." in html


def test_hostile_body_is_sanitised_on_save():
    page = _page(
        "Lịch sử",
        body='<p onclick="steal()">Năm 1930<script>alert(1)</script></p>'
        '<a href="javascript:alert(2)">xem</a><iframe src="https://evil.example/x"></iframe>',
    )

    page.refresh_from_db()
    assert "Năm 1930" in page.body
    for hostile in ["<script", "onclick", "javascript:", "evil.example"]:
        assert hostile not in page.body


def test_unpublished_page_is_not_found_for_residents(client):
    _page("Bản nháp", is_published=False)

    assert client.get("/gioi-thieu/ban-nhap/").status_code == 404
    assert "Bản nháp" not in client.get("/gioi-thieu/").content.decode()


def test_staff_who_may_view_pages_preview_an_unpublished_page(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_page"))
    _page("Bản nháp", is_published=False)
    client.force_login(editor)

    response = client.get("/gioi-thieu/ban-nhap/")

    assert response.status_code == 200
    assert "Bản nháp: người xem chưa thấy trang này" in response.content.decode()


def test_index_and_side_menu_follow_the_menu_order(client):
    _page("Liên hệ", order=40)
    _page("Lịch sử", order=10)
    _page("Cơ cấu tổ chức", order=30)
    _page("Chức năng, nhiệm vụ", order=20)
    titles = ["Lịch sử", "Chức năng, nhiệm vụ", "Cơ cấu tổ chức", "Liên hệ"]

    index = client.get("/gioi-thieu/").content.decode()
    page = client.get("/gioi-thieu/lich-su/").content.decode()
    side_menu = page.split('class="side-menu"', 1)[1]

    assert [index.index(t) for t in titles] == sorted(index.index(t) for t in titles)
    assert [side_menu.index(t) for t in titles] == sorted(side_menu.index(t) for t in titles)
    current = re.search(r'<a href="([^"]+)"\s+aria-current="page"', side_menu)
    assert current.group(1) == "/gioi-thieu/lich-su/"


def test_header_menu_holds_published_pages_shown_in_menu_and_follows_reordering():
    history = _page("Lịch sử", order=10)
    _page("Liên hệ", order=20)
    _page("Quy chế nội bộ", order=5, show_in_menu=False)
    _page("Bản nháp", order=1, is_published=False)

    assert [item.title for item in Page.objects.menu()] == ["Lịch sử", "Liên hệ"]

    history.menu_order = 30
    history.save()
    assert [item.title for item in Page.objects.menu()] == ["Liên hệ", "Lịch sử"]
    assert Page.objects.menu()[1].url == "/gioi-thieu/lich-su/"


def test_cached_menu_costs_no_query(django_assert_num_queries):
    _page("Lịch sử")
    Page.objects.menu()

    with django_assert_num_queries(0):
        assert [item.title for item in Page.objects.menu()] == ["Lịch sử"]


def test_contact_page_shows_the_wards_address_phone_and_map_link(client):
    ward = WardSettings.current()
    ward.address = "Số 1 đường Hùng Vương, phường An Hòa"
    ward.phone = "0277 3861 234"
    ward.save()
    _page("Liên hệ", show_contact=True, map_url="https://www.openstreetmap.org/search?query=An")

    html = client.get("/gioi-thieu/lien-he/").content.decode()

    assert "Số 1 đường Hùng Vương, phường An Hòa" in html
    assert 'href="tel:02773861234"' in html
    assert 'href="https://www.openstreetmap.org/search?query=An"' in html


def test_admin_reorders_the_menu_from_the_list(admin_client):
    first = _page("Lịch sử", order=10)
    second = _page("Liên hệ", order=20)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "_save": "Lưu",
    }
    for n, (page, order) in enumerate([(first, 30), (second, 10)]):
        data |= {
            f"form-{n}-id": str(page.pk),
            f"form-{n}-menu_order": str(order),
            f"form-{n}-show_in_menu": "on",
            f"form-{n}-is_published": "on",
        }

    response = admin_client.post("/quan-tri/pages/page/", data)

    assert response.status_code == 302
    assert [item.title for item in Page.objects.menu()] == ["Liên hệ", "Lịch sử"]


def test_admin_form_uses_ckeditor_and_keeps_history(admin_client):
    form = admin_client.get("/quan-tri/pages/page/add/").content.decode()
    assert "ck-editor" in form or "django_ckeditor_5" in form

    response = admin_client.post(
        "/quan-tri/pages/page/add/",
        {
            "title": "Lịch sử",
            "slug": "lich-su",
            "body": "<p>Năm 1930</p><script>x()</script>",
            "menu_order": "1",
            "is_published": "on",
            "show_in_menu": "on",
            "map_url": "",
        },
    )

    assert response.status_code == 302
    page = Page.objects.get(slug="lich-su")
    assert page.body == "<p>Năm 1930</p>"
    [version] = Version.objects.get_for_object(page)
    history = admin_client.get(f"/quan-tri/pages/page/{page.pk}/history/").content.decode()
    assert f"/quan-tri/pages/page/{page.pk}/history/{version.pk}/" in history


@pytest.mark.parametrize("size", [3, 60])
def test_page_queries_do_not_grow_with_pages(client, django_assert_num_queries, size):
    for n in range(size):
        _page(f"Trang số {n}", order=n)
    _page("Lịch sử", order=0)
    client.get("/gioi-thieu/lich-su/")  # ward record and menu are cached after the first page

    # the page by its slug
    with django_assert_num_queries(1):
        assert client.get("/gioi-thieu/lich-su/").status_code == 200
    # the published pages in menu order
    with django_assert_num_queries(1):
        assert client.get("/gioi-thieu/").status_code == 200


def test_demo_pages_load_twice_and_the_contact_page_carries_the_wards_details(client):
    call_command("load_demo", stdout=StringIO())
    before = list(Page.objects.order_by("pk").values())

    call_command("load_demo", stdout=StringIO())

    assert list(Page.objects.order_by("pk").values()) == before
    assert [item.title for item in Page.objects.menu()] == [
        "Lịch sử",
        "Chức năng, nhiệm vụ",
        "Cơ cấu tổ chức",
        "Liên hệ",
    ]
    ward = WardSettings.current()
    contact = client.get("/gioi-thieu/lien-he/").content.decode()
    assert ward.address in contact and ward.phone in contact
    assert 'href="https://www.openstreetmap.org/search?query=' in contact
    for item in Page.objects.menu():
        assert client.get(item.url).status_code == 200


def test_header_tag_gives_the_menu_without_a_query_once_cached(django_assert_num_queries):
    _page("Lịch sử", order=1)
    _page("Liên hệ", order=2)
    header = Template(
        "{% load site_menu %}{% page_menu as about_pages %}"
        "{% for item in about_pages %}<a href='{{ item.url }}'>{{ item.title }}</a>{% endfor %}"
    )
    header.render(Context())

    with django_assert_num_queries(0):
        html = header.render(Context())

    assert (
        html
        == "<a href='/gioi-thieu/lich-su/'>Lịch sử</a><a href='/gioi-thieu/lien-he/'>Liên hệ</a>"
    )


def test_admin_refuses_a_second_page_with_the_same_title_in_vietnamese(admin_client):
    _page("Lịch sử")
    typed = {
        "title": "Lịch sử",
        "slug": "",
        "body": "<p>Bản thứ hai</p>",
        "menu_order": "2",
        "is_published": "on",
        "map_url": "",
    }

    response = admin_client.post("/quan-tri/pages/page/add/", typed)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "đã tồn tại" in str(errors["slug"])
    assert "Bản thứ hai" in response.content.decode()  # what was typed is kept
    assert Page.objects.count() == 1


def test_sitemap_offers_published_pages_only():
    _page("Lịch sử")
    _page("Bản nháp", is_published=False)
    ResidentialArea.objects.create(name="Khóm Tân An")

    pages = [PageSitemap().location(item) for item in PageSitemap().items()]
    areas = [AreaSitemap().location(item) for item in AreaSitemap().items()]

    assert pages == ["/gioi-thieu/lich-su/"]
    assert areas == ["/khu-dan-cu/khom-tan-an/"]


def test_a_map_link_saved_past_the_form_must_be_https_to_show(client):
    _page("Liên hệ", show_contact=True, map_url="javascript:alert(1)")

    html = client.get("/gioi-thieu/lien-he/").content.decode()

    assert "javascript:" not in html
    assert "Xem bản đồ" not in html
