"""Thông tin phường: staff change the logo, banner, colours, footer and social links in
the admin, and every page shows them at once, without a deploy and within the CSP."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from mattran.lib.colours import contrast_with_white, ratio_vi
from mattran.models import WardSettings
from mattran.tests.photos import jpeg_bytes

pytestmark = pytest.mark.django_db

ADMIN = "/quan-tri/mattran/wardsettings/1/change/"


def form(ward, **overrides):
    data = {
        "ward_name": ward.ward_name,
        "committee_name": ward.committee_name,
        "address": "",
        "phone": "",
        "email": "",
        "primary_color": "#a50e25",
        "accent_color": "#7d0a1c",
        "footer_text": "",
        "facebook_url": "",
        "zalo_url": "",
        "youtube_url": "",
    }
    return data | overrides


@pytest.mark.parametrize(
    ("colour", "expected"),
    [("#ffffff", 1.0), ("#000000", 21.0), ("#767676", 4.54), ("#a50e25", 7.81)],
)
def test_contrast_with_white_follows_wcag(colour, expected):
    assert round(contrast_with_white(colour), 2) == expected


def test_a_ratio_reads_the_vietnamese_way_and_never_rounds_up_to_pass():
    assert ratio_vi(4.5) == "4,5:1"
    assert ratio_vi(4.499) == "4,49:1"
    assert ratio_vi(21.0) == "21:1"


def test_a_pale_colour_is_refused_naming_its_ratio():
    ward = WardSettings.current()
    ward.primary_color = "#f2c200"  # gold: white text on it is unreadable
    ward.accent_color = "#777777"  # 4.48:1, just under AA
    with pytest.raises(ValidationError) as error:
        ward.full_clean()
    messages = error.value.message_dict
    assert messages["primary_color"] == [
        "Màu chính #f2c200 chỉ đạt độ tương phản 1,68:1 với chữ trắng; cần ít nhất 4,5:1 "
        "(chuẩn WCAG AA). Hãy chọn màu đậm hơn."
    ]
    assert "4,47:1" in messages["accent_color"][0]


@pytest.mark.parametrize("value", ["red", "#12345", "#a50e25;}body{x", "a50e25"])
def test_a_colour_must_be_a_hex_code(value):
    ward = WardSettings.current()
    ward.primary_color = value
    with pytest.raises(ValidationError) as error:
        ward.full_clean()
    assert (
        "Xin nhập màu dạng mã hex sáu chữ số, ví dụ #a50e25."
        in (error.value.message_dict["primary_color"])
    )


def test_staff_change_the_theme_and_every_page_shows_it(admin_client, client):
    ward = WardSettings.current()
    client.get("/")  # a page cached with the old theme, for residents
    logo = SimpleUploadedFile("logo.jpg", jpeg_bytes(600, 600, gps=True), "image/jpeg")
    banner = SimpleUploadedFile("banner.jpg", jpeg_bytes(1600, 400), "image/jpeg")
    response = admin_client.post(
        ADMIN,
        form(
            ward,
            primary_color="#1A5FB4",
            accent_color="#0b3d91",
            footer_text="Trang của phường.",
            facebook_url="https://www.facebook.com/mattran.anhoa",
            zalo_url="zalo.me/mattran",
            youtube_url="https://www.youtube.com/@mattran",
            logo=logo,
            banner=banner,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    ward = WardSettings.objects.get()
    assert ward.primary_color == "#1a5fb4"
    assert ward.zalo_url == "https://zalo.me/mattran"
    # Re-encoded (no EXIF, random name) and cut, never enlarged past its 600 px.
    assert "logo" not in ward.logo.name
    assert [size["width"] for size in ward.logo_renditions["sizes"]] == [400, 600]
    assert len(Version.objects.get_for_object(ward)) == 1

    home = client.get("/")
    page = home.content.decode()
    assert "<style>:root{--red:#1a5fb4;--red-dark:#0b3d91}</style>" in page
    header = page.split("<header")[1].split("</header>")[0]
    assert ward.logo_renditions["sizes"][0]["name"] in header
    assert 'class="ward-banner"' in header
    footer = page.split("<footer")[1]
    for name, url in [
        ("Facebook", "https://www.facebook.com/mattran.anhoa"),
        ("Zalo", "https://zalo.me/mattran"),
        ("YouTube", "https://www.youtube.com/@mattran"),
    ]:
        assert f'<a href="{url}" rel="noopener">{name}</a>' in footer
    assert "Trang của phường." in footer
    # The colours arrive in a <style> the policy already allows; no script is inlined.
    policy = home["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self'" in policy and "script-src 'self' 'unsafe-inline'" not in policy

    other = client.get("/tin-tuc/").content.decode()
    assert "--red:#1a5fb4" in other
    assert 'class="ward-banner"' not in other  # the banner belongs to the home page


def test_staff_see_the_contrast_refusal_and_keep_what_they_typed(admin_client):
    ward = WardSettings.current()
    response = admin_client.post(
        ADMIN,
        form(ward, primary_color="#f2c200", facebook_url="javascript:alert(1)"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "chỉ đạt độ tương phản 1,68:1 với chữ trắng" in page
    assert "bắt đầu bằng https://" in page
    assert 'value="#f2c200"' in page
    assert WardSettings.objects.get().primary_color == "#a50e25"


def test_a_value_saved_past_the_form_never_reaches_the_page(client):
    WardSettings.current()
    WardSettings.objects.update(
        primary_color="x;}</st",  # seven characters: what fits the column
        facebook_url="javascript:alert(1)",
    )
    page = client.get("/").content.decode()
    assert "x;}" not in page
    assert "--red:#a50e25" in page
    assert "javascript:" not in page


def test_the_admin_offers_no_second_record_and_speaks_vietnamese(admin_client):
    WardSettings.current()
    page = admin_client.get(ADMIN).content.decode()
    for label in ["Màu chính", "Màu nhấn", "Ảnh banner đầu trang", "Trang Facebook", "Zalo"]:
        assert label in page
    assert admin_client.get("/quan-tri/mattran/wardsettings/add/").status_code == 403
