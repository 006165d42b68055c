"""Read numbers and money typed the Vietnamese way, and refuse what could mean two things.

Vietnamese writing puts a dot between thousands and a comma before decimals:
"438.000.000 đ", "21.090 kg", "12,5 kg". Spreadsheets and people used to English
settings write the opposite, so "1.5" or "21,090" could each be read two ways that
differ a thousandfold. A wrong figure on a public page is worse than a refused one,
so these functions never guess: anything not clearly Vietnamese raises
`AmountError`, a `ValueError` whose message is Vietnamese and can be shown to staff.

- `parse_number("21.090")` -> 21090; `parse_number("12,5", places=2)` -> Decimal("12.5")
- `parse_money("1.151.800đ")` -> 1151800; `parse_money("214 triệu")` -> 214000000

Refused: "1.5", "1.23.4", "21,090" (a comma then three digits), a comma where only
whole numbers are allowed (money, counts: "21,09"), negative numbers, words.
"""

import re
from decimal import Decimal, InvalidOperation

from mattran.lib.text import nfc

# Words that scale a figure; staff copy "607 phần quà trị giá 214 triệu đồng".
UNITS = {
    "nghìn": 1_000,
    "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000,
}
CURRENCY_SUFFIXES = ("đồng", "vnđ", "vnd", "đ")

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+")
_FRACTION = re.compile(r"\d{1,2}")
_SPACES = re.compile(r"\s+")


class AmountError(ValueError):
    """A figure that is not clearly a Vietnamese-typed number; the message says why."""


def parse_number(text, places=0):
    """The number in `text`, or None when it is blank.

    `places` is how many decimals the caller may store: 0 for counts and money (any
    comma is then refused), 2 for kilograms. Ints come back for whole numbers,
    Decimals when a fraction was typed. Numbers already read by a spreadsheet (int,
    Decimal, a float with no fraction) are checked, not re-parsed.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise AmountError("Giá trị không phải là số.")
    if isinstance(text, int | float | Decimal):
        return _checked_number(text, places)
    cleaned = _SPACES.sub(" ", nfc(str(text))).strip().casefold()
    if not cleaned:
        return None
    cleaned = cleaned.replace("\u00a0", " ")
    number_text, scale = _split_unit(cleaned)
    value = _read_digits(number_text, places=places if scale == 1 else max(places, 3))
    value = value * scale
    return _as_result(value, places, shown=text)


def parse_money(text):
    """Whole dong in `text` ("438.000.000 đ", "1.151.800đ", "214 triệu"), or None."""
    if text is None:
        return None
    if isinstance(text, str):
        cleaned = _SPACES.sub(" ", nfc(text)).strip().casefold()
        for suffix in CURRENCY_SUFFIXES:
            if cleaned.endswith(suffix):
                cleaned = cleaned[: -len(suffix)].strip()
                break
        text = cleaned
    try:
        value = parse_number(text, places=0)
    except AmountError as error:
        raise AmountError(f"Số tiền không hợp lệ: {error}") from None
    return value


def _split_unit(cleaned):
    for word, scale in UNITS.items():
        if cleaned.endswith(word):
            return cleaned[: -len(word)].strip(), scale
    return cleaned, 1


def _read_digits(text, places):
    if text.startswith("-"):
        raise AmountError(f"“{text}” là số âm; kết quả không thể âm.")
    whole, comma, fraction = text.partition(",")
    if comma:
        if "," in fraction or "." in fraction:
            raise AmountError(f"“{text}” có dấu phẩy, dấu chấm lẫn lộn, không rõ nghĩa.")
        if places == 0:
            raise AmountError(
                f"“{text}”: chỉ nhận số nguyên; dấu phẩy không rõ là phần thập phân "
                "hay dấu phân cách hàng nghìn."
            )
        if len(fraction) == 3 and fraction.isdigit():
            raise AmountError(
                f"“{text}” không rõ nghĩa: có thể là {whole}{fraction} hoặc {whole} phẩy "
                f"{fraction}. Hãy viết hàng nghìn bằng dấu chấm (vd. 21.090)."
            )
        if not _FRACTION.fullmatch(fraction) or len(fraction) > places:
            raise AmountError(f"“{text}”: phần thập phân tối đa {places} chữ số.")
    if _PLAIN.fullmatch(whole):
        digits = whole
    elif _GROUPED.fullmatch(whole):
        digits = whole.replace(".", "")
    elif "." in whole and re.fullmatch(r"[\d.]+", whole):
        raise AmountError(
            f"“{text}” không rõ nghĩa: dấu chấm phải ngăn cách từng nhóm ba chữ số "
            "hàng nghìn (vd. 438.000.000)."
        )
    else:
        raise AmountError(f"“{text}” không phải là số.")
    return Decimal(f"{digits}.{fraction}") if comma else Decimal(digits)


def _checked_number(number, places):
    if isinstance(number, float):
        if number != number or number in (float("inf"), float("-inf")):
            raise AmountError("Giá trị không phải là số.")
        # repr gives the shortest decimal that reads back as this float: 12.5, not 12.4999…
        number = Decimal(repr(number))
    if number < 0:
        raise AmountError(f"“{number}” là số âm; kết quả không thể âm.")
    return _as_result(Decimal(number), places, shown=number)


def _as_result(value, places, shown):
    try:
        quantum = Decimal(1).scaleb(-places)
        if value != value.quantize(quantum):
            raise AmountError(
                f"“{shown}”: chỉ nhận số nguyên."
                if places == 0
                else f"“{shown}”: phần thập phân tối đa {places} chữ số."
            )
    except InvalidOperation:
        raise AmountError(f"“{shown}” quá lớn.") from None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
