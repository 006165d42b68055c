"""Vietnamese text helpers: slugs, diacritic folding, dates and whole-dong money.

Every app goes through these, so that "Đại đoàn kết" becomes the same slug, the same
search key and the same sort order everywhere.
"""

import datetime
import re
import unicodedata
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

# "đ" is a letter of its own, not "d" with a mark, so Unicode decomposition keeps it.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "D"})

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_SPACES = re.compile(r"\s+")


def nfc(text):
    """Compose text to NFC, the form Vietnamese keyboards and databases agree on."""
    return unicodedata.normalize("NFC", text or "")


def strip_diacritics(text):
    """Remove tones and vowel marks but keep case: "Đại Hội" -> "Dai Hoi"."""
    decomposed = unicodedata.normalize("NFD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.translate(_LETTERS_WITHOUT_DECOMPOSITION))


def fold(text):
    """Search key of a text: no diacritics, lower case, single spaces.

    "Nhà Tình Thương" and "nha tinh thuong" fold to the same key, and so do the old
    and new tone placements "Thuý" and "Thúy".
    """
    return _SPACES.sub(" ", strip_diacritics(text).casefold()).strip()


def slugify_vi(text):
    """A URL slug that keeps every Vietnamese letter: "Đại đoàn kết" -> "dai-doan-ket"."""
    return slugify(strip_diacritics(text))


def format_date_vi(value):
    """ "Thứ Sáu, 17/05/2024"; aware datetimes are shown in the ward's time zone."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"


def format_money_vi(amount):
    """Whole dong with dots between thousands: 438000000 -> "438.000.000 đ".

    Floats are refused: money in this project is counted in whole dong, and a float
    reaching this function means a figure was computed the wrong way.
    """
    if amount is None or amount == "":
        return ""
    if isinstance(amount, float):
        raise TypeError("Money must be whole dong (int or Decimal), not float.")
    if isinstance(amount, Decimal):
        if amount != amount.to_integral_value():
            raise ValueError("Money must be a whole number of dong.")
        amount = int(amount)
    return f"{format_number_vi(int(amount))} đ"


def format_number_vi(number):
    """Thousands separated by dots, the Vietnamese way: 21090 -> "21.090"."""
    if isinstance(number, float):
        raise TypeError("Format a Decimal or an int, not a float.")
    if isinstance(number, Decimal):
        sign, whole, fraction = _split_decimal(number)
        grouped = f"{whole:,}".replace(",", ".")
        return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
    return f"{int(number):,}".replace(",", ".")


def _split_decimal(number):
    sign = "-" if number < 0 else ""
    text = format(abs(number).normalize(), "f")
    whole, _, fraction = text.partition(".")
    return sign, int(whole), fraction
