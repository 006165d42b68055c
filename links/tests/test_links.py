"""Liên kết và banner: staff add, date, reorder and switch off links; residents see the
current ones on the home page and in the footer, from the cache."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reversion.models import Version

from links.models import Link, current_links
from mattran.tests.photos import jpeg_bytes

pytestmark = pytest.mark.django_db

ADMIN = "/quan-tri/links/link/"
TODAY = datetime.date(2026, 5, 10)


def link(title, placement=Link.Placement.BLOCK, **extra):
    return Link.objects.create(
        title=title, url=f"https://example.vn/{len(title)}", placement=placement, **extra
    )


def form(**overrides):
    data = {
        "title": "Cổng Dịch vụ công quốc gia",
        "url": "https://dichvucong.gov.vn/",
        "placement": "block",
        "order": "1",
        "starts_on": "",
        "ends_on": "",
        "is_active": "on",
    }
    return data | overrides


def test_current_keeps_active_links_whose_dates_cover_the_day():
    day = datetime.timedelta(days=1)
    shown = [
        link("Không hạn"),
        link("Bắt đầu hôm nay", starts_on=TODAY),
        link("Hết hạn hôm nay", ends_on=TODAY),
        link("Trong khoảng", starts_on=TODAY - day, ends_on=TODAY + day),
    ]
    link("Chưa tới", starts_on=TODAY + day)
    link("Đã hết", ends_on=TODAY - day)
    link("Đã tắt", is_active=False)

    assert set(Link.objects.current(TODAY)) == set(shown)
    # A datetime counts by its local day.
    noon = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(12)))
    assert set(Link.objects.current(noon)) == set(shown)


def test_current_orders_by_staff_numbers_within_a_placement():
    link("B", order=2)
    link("A", order=3)
    link("C", order=1)
    assert [item.title for item in Link.objects.current(TODAY)] == ["C", "B", "A"]


def test_an_end_before_the_start_is_refused_in_vietnamese():
    item = Link(
        title="Hội nghị",
        url="https://example.vn/",
        starts_on=TODAY,
        ends_on=TODAY - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["ends_on"] == ["Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.vn/a", "data:text/html,x"])
def test_only_http_and_https_addresses_are_kept(url):
    with pytest.raises(ValidationError) as error:
        Link(title="Xấu", url=url).full_clean()
    assert "http:// hoặc https://" in str(error.value.message_dict["url"])
    # Saved past the form (shell, import), it is refused all the same.
    with pytest.raises(ValidationError):
        Link.objects.create(title="Xấu", url=url)
    assert not Link.objects.exists()


def test_staff_add_a_banner_with_an_image_checked_and_cut_into_renditions(admin_client):
    image = SimpleUploadedFile("banner.jpg", jpeg_bytes(1600, 500, gps=True), "image/jpeg")
    response = admin_client.post(
        ADMIN + "add/", form(title="Ngày hội Đại đoàn kết", placement="banner", image=image)
    )
    assert response.status_code == 302
    banner = Link.objects.get()
    assert banner.image.name.endswith(".jpg") and "banner" not in banner.image.name
    assert [size["width"] for size in banner.image_renditions["sizes"]] == [400, 800, 1200]
    assert len(Version.objects.get_for_object(banner)) == 1
    history = admin_client.get(f"{ADMIN}{banner.pk}/history/").content.decode()
    assert f"{ADMIN}{banner.pk}/history/" in history


def test_staff_get_a_vietnamese_refusal_and_keep_what_they_typed(admin_client):
    fake = SimpleUploadedFile("anh.jpg", b"<svg onload=alert(1)>", "image/jpeg")
    response = admin_client.post(
        ADMIN + "add/",
        form(
            title="Sai ngày",
            url="javascript:alert(1)",
            starts_on="10/05/2026",
            ends_on="01/05/2026",
            image=fake,
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "bắt đầu bằng http:// hoặc https://" in page
    assert "không phải là ảnh hợp lệ" in page
    assert 'value="Sai ngày"' in page
    assert not Link.objects.exists()

    response = admin_client.post(
        ADMIN + "add/", form(title="Sai ngày", starts_on="10/05/2026", ends_on="01/05/2026")
    )
    assert "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." in response.content.decode()
    assert not Link.objects.exists()


def test_staff_reorder_and_switch_off_links_from_the_list(admin_client):
    first, second = link("Thứ nhất", order=1), link("Thứ hai", order=2)
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "_save": "Lưu"}
    for n, (item, order) in enumerate([(first, 20), (second, 10)]):
        data |= {f"form-{n}-id": str(item.pk), f"form-{n}-order": str(order)}
        data |= {f"form-{n}-is_active": "on"}
    assert admin_client.post(ADMIN, data).status_code == 302
    assert [item.title for item in current_links()["block"]] == ["Thứ hai", "Thứ nhất"]

    data["form-0-is_active"] = ""
    del data["form-0-is_active"]
    assert admin_client.post(ADMIN, data).status_code == 302
    assert [item.title for item in current_links()["block"]] == ["Thứ hai"]


def test_admin_speaks_vietnamese(admin_client):
    page = admin_client.get(ADMIN + "add/").content.decode()
    for label in ["Tiêu đề", "Địa chỉ liên kết", "Vị trí", "Thứ tự", "Hiện từ ngày", "Đang bật"]:
        assert label in page
    assert "Banner trên trang chủ" in page and "Chân trang" in page


def test_home_shows_banners_and_link_block_and_every_page_the_footer_links(client):
    image = SimpleUploadedFile("b.jpg", jpeg_bytes(1600, 500), "image/jpeg")
    Link.objects.create(
        title="Tháng cao điểm Vì người nghèo",
        url="https://example.vn/vi-nguoi-ngheo",
        placement="banner",
        image=image,
    )
    link("Cổng Dịch vụ công quốc gia")
    link("Cổng thông tin Chính phủ", placement="footer")
    link("Banner cũ", placement="banner", ends_on=timezone.localdate() - datetime.timedelta(1))

    home = client.get("/").content.decode()
    banners = home.split('class="home-banners"')[1].split("</ul>")[0]
    assert "Tháng cao điểm Vì người nghèo" in banners
    assert 'srcset="' in banners and 'alt=""' in banners
    assert "Banner cũ" not in home
    block = home.split('class="home-links"')[1].split("</section>")[0]
    assert "Cổng Dịch vụ công quốc gia" in block
    footer = home.split("<footer")[1]
    assert "Cổng thông tin Chính phủ" in footer

    news = client.get("/tin-tuc/").content.decode()
    assert "Cổng thông tin Chính phủ" in news.split("<footer")[1]
    assert "Cổng Dịch vụ công quốc gia" not in news


def test_links_come_from_the_cache_and_a_save_or_delete_refreshes_them(
    client, django_assert_num_queries
):
    item = link("Cũ", placement="footer")
    current_links()
    with django_assert_num_queries(0):
        assert [shown.title for shown in current_links()["footer"]] == ["Cũ"]

    item.title = "Mới"
    item.save()
    assert [shown.title for shown in current_links()["footer"]] == ["Mới"]
    item.delete()
    assert current_links()["footer"] == []


def test_the_cached_links_are_made_again_when_the_day_turns():
    link("Từ mai", starts_on=TODAY + datetime.timedelta(days=1))
    today = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(23, 59)))
    assert current_links(today)["block"] == []
    tomorrow = today + datetime.timedelta(minutes=2)
    assert [shown.title for shown in current_links(tomorrow)["block"]] == ["Từ mai"]


@pytest.mark.parametrize("size", [2, 40])
def test_home_query_count_does_not_grow_with_links(client, django_assert_num_queries, size):
    for n in range(size):
        link(f"Liên kết {n}", placement=["banner", "block", "footer"][n % 3], order=n)
    assert client.get("/").status_code == 200
    # Warm: the home page's own four queries (as news_tests pin them) and none for the
    # links, which come from the cache.
    with django_assert_num_queries(4):
        response = client.get("/")
    assert response.content.decode().count('class="link-tile') >= size * 2 // 3


def test_an_address_changed_past_save_never_reaches_a_page(client):
    item = link("Lạ", placement="footer")
    Link.objects.filter(pk=item.pk).update(url="javascript:alert(1)")
    page = client.get("/").content.decode()
    assert "javascript:" not in page
    assert "Lạ</a>" not in page
