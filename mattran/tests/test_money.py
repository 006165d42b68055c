from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mattran.lib.money import AmountError, parse_money, parse_number
from mattran.lib.text import format_money_vi, format_number_vi


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("438.000.000", 438_000_000),
        ("438.000.000 đ", 438_000_000),
        ("438.000.000đ", 438_000_000),
        ("1.151.800đ", 1_151_800),
        ("8.000.000 đồng", 8_000_000),
        ("21.000.000 VNĐ", 21_000_000),
        ("214 triệu", 214_000_000),
        ("214 triệu đồng", 214_000_000),
        ("3 triệu", 3_000_000),
        ("1,5 tỷ", 1_500_000_000),
        ("500 nghìn", 500_000),
        ("  3000000 ", 3_000_000),
        ("0", 0),
    ],
)
def test_parse_money_reads_vietnamese_typing(typed, value):
    assert parse_money(typed) == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("21.090", 21090),
        ("2.288", 2288),
        ("607", 607),
        ("08", 8),
        ("1.000.000", 1_000_000),
    ],
)
def test_parse_number_reads_dots_as_thousands(typed, value):
    assert parse_number(typed) == value
    assert isinstance(parse_number(typed), int)


def test_parse_number_reads_a_decimal_comma_where_fractions_are_allowed():
    assert parse_number("12,5", places=2) == Decimal("12.5")
    assert parse_number("1.234,75", places=2) == Decimal("1234.75")


@pytest.mark.parametrize(
    "typed",
    [
        "1.5",  # English decimal, or thousands missing digits?
        "21,09",  # a comma where only whole numbers are allowed
        "1.23.4",  # no reading at all
        "21,090",  # 21090 the English way, 21,09 the Vietnamese way
        "1.0000",
        ".5",
        "-5",
        "trên 214 triệu",
        "abc",
        "1,5",
        "12 kg",
    ],
)
def test_parse_number_refuses_what_could_mean_two_things(typed):
    with pytest.raises(AmountError):
        parse_number(typed)


@pytest.mark.parametrize("typed", ["1.5", "21,09", "1.23.4", "21,090", "1.500,5 đ", "-1.000"])
def test_parse_money_refuses_ambiguous_or_fractional_money(typed):
    with pytest.raises(AmountError, match="Số tiền không hợp lệ"):
        parse_money(typed)


def test_a_comma_then_three_digits_is_refused_even_where_fractions_are_allowed():
    with pytest.raises(AmountError, match="không rõ nghĩa"):
        parse_number("21,090", places=2)


def test_too_many_decimals_are_refused_not_rounded():
    with pytest.raises(AmountError):
        parse_number("12,55", places=1)


def test_refusal_message_is_vietnamese_and_quotes_what_was_typed():
    with pytest.raises(AmountError) as caught:
        parse_number("1.5")
    assert "“1.5”" in str(caught.value)
    assert "dấu chấm" in str(caught.value)


def test_blank_is_no_value():
    assert parse_number("") is None
    assert parse_number("   ") is None
    assert parse_money(None) is None


def test_numbers_read_by_a_spreadsheet_are_checked():
    assert parse_number(21090.0) == 21090
    assert parse_number(12.5, places=2) == Decimal("12.5")
    assert parse_money(438000000) == 438_000_000
    with pytest.raises(AmountError):
        parse_money(1.5)
    with pytest.raises(AmountError):
        parse_number(-3)
    with pytest.raises(AmountError):
        parse_number(True)


@given(st.integers(min_value=0, max_value=10**15))
def test_formatted_money_reads_back_to_the_same_dong(amount):
    assert parse_money(format_money_vi(amount)) == amount
    assert parse_money(format_number_vi(amount)) == amount


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_formatted_quantities_read_back_exactly(quantity):
    assert parse_number(format_number_vi(quantity), places=2) == quantity
