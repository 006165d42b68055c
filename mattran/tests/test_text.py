import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from mattran.lib.text import fold, format_date_vi, format_money_vi, format_number_vi, slugify_vi


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đại đoàn kết vì người nghèo", "dai-doan-ket-vi-nguoi-ngheo"),
        ("ĐẠI HỘI ĐẠI BIỂU MTTQ", "dai-hoi-dai-bieu-mttq"),
        ("Khu phố 1: Hội nghị nhiệm kỳ 2024- 2026", "khu-pho-1-hoi-nghi-nhiem-ky-2024-2026"),
        ("Quỹ “Vì người nghèo”", "quy-vi-nguoi-ngheo"),
        ("Tọa đàm ở Cửa Đại", "toa-dam-o-cua-dai"),
        ("Lê Thuý Lan", "le-thuy-lan"),
    ],
)
def test_slugify_vi_keeps_every_vietnamese_letter(title, slug):
    assert slugify_vi(title) == slug


def test_slugify_vi_of_decomposed_text_equals_composed():
    decomposed = "Đa\u0323i đoa\u0300n kê\u0301t"
    assert slugify_vi(decomposed) == "dai-doan-ket"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nhà Tình Thương", "nha tinh thuong"),
        ("NHÀ TÌNH THƯƠNG", "nha tinh thuong"),
        ("Đồng Tháp", "dong thap"),
        ("đ Đ", "d d"),
        ("Không   gian\nđại đoàn kết", "khong gian dai doan ket"),
    ],
)
def test_fold_removes_marks_and_case(text, folded):
    assert fold(text) == folded


def test_fold_treats_old_and_new_tone_placement_alike():
    assert fold("Thuý") == fold("Thúy") == fold("THUÝ") == "thuy"


def test_fold_is_idempotent():
    assert fold(fold("Ủy ban Mặt trận Tổ quốc")) == fold("Ủy ban Mặt trận Tổ quốc")


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (datetime.date(2024, 5, 17), "Thứ Sáu, 17/05/2024"),
        (datetime.date(2024, 1, 18), "Thứ Năm, 18/01/2024"),
        (datetime.date(2020, 1, 13), "Thứ Hai, 13/01/2020"),
        (datetime.date(2022, 6, 19), "Chủ Nhật, 19/06/2022"),
    ],
)
def test_format_date_vi(day, shown):
    assert format_date_vi(day) == shown


def test_format_date_vi_shows_aware_datetimes_in_ward_time():
    # 23:30 UTC on 17/01 is already 06:30 on 18/01 in Vietnam.
    late_utc = datetime.datetime(2024, 1, 17, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert format_date_vi(late_utc) == "Thứ Năm, 18/01/2024"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (438000000, "438.000.000 đ"),
        (8000000, "8.000.000 đ"),
        (0, "0 đ"),
        (999, "999 đ"),
        (Decimal("1151800"), "1.151.800 đ"),
        (-3000000, "-3.000.000 đ"),
    ],
)
def test_format_money_vi(amount, shown):
    assert format_money_vi(amount) == shown


def test_format_money_vi_refuses_floats_and_fractions():
    with pytest.raises(TypeError):
        format_money_vi(438000000.0)
    with pytest.raises(ValueError):
        format_money_vi(Decimal("10.5"))


def test_format_number_vi():
    assert format_number_vi(21090) == "21.090"
    assert format_number_vi(Decimal("1234.5")) == "1.234,5"
