"""Properties of the Vietnamese text helpers and the money reader over any text.

The examples in test_text.py and test_money.py pin known cases; these say what holds
for every input hypothesis can make: mixed scripts, decomposed or composed Vietnamese,
control characters, numbers typed every which way.
"""

import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mattran.lib.money import AmountError, parse_money, parse_number
from mattran.lib.text import fold, format_money_vi, format_number_vi, slugify_vi

MANY = settings(max_examples=300, deadline=None)

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
LETTERS = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + "fjwz0123456789"
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
# Vietnamese words with anything around them: spaces, punctuation, other scripts.
vietnamese = st.lists(
    st.text(st.sampled_from(LETTERS), min_size=1, max_size=8)
    | st.sampled_from([" ", "-", "“", "”", ":", "/", "Привет", "中文", "😀", "\u202e", "\x00"]),
    min_size=1,
    max_size=12,
).map("".join)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def nfc(text):
    return unicodedata.normalize("NFC", text)


SLUG = re.compile(r"[a-z0-9_-]*")


@MANY
@given(ANY_TEXT | vietnamese)
@example("Đa\u0323i đoa\u0300n kê\u0301t")
@example("\u202eĐại\u200f")
def test_slugify_vi_is_ascii_and_idempotent(text):
    slug = slugify_vi(text)
    assert SLUG.fullmatch(slug), slug
    assert slugify_vi(slug) == slug


@MANY
@given(vietnamese)
def test_slugify_vi_keeps_a_slug_for_any_vietnamese_letter(text):
    # Text with no Latin or Vietnamese letter at all ("中文") slugs to "", and every
    # caller has its own fallback ("bai-viet" for an article, a number for a document).
    slug = slugify_vi(text)
    if any(ch in LETTERS for ch in text):
        assert slug


@MANY
@given(ANY_TEXT | vietnamese)
def test_slugify_vi_reads_decomposed_and_composed_text_alike(text):
    assert slugify_vi(nfd(text)) == slugify_vi(nfc(text))


@given(st.text(st.sampled_from("đĐ"), min_size=1, max_size=5))
def test_slugify_vi_turns_d_with_stroke_into_d(text):
    assert slugify_vi(text) == "d" * len(text)


@MANY
@given(ANY_TEXT | vietnamese)
@example("İstanbul Đại")
@example("ﬀ ẞ ǅ")
def test_fold_is_idempotent_on_any_text(text):
    assert fold(fold(text)) == fold(text)


@MANY
@given(ANY_TEXT | vietnamese)
def test_fold_is_insensitive_to_unicode_normal_form(text):
    assert fold(nfd(text)) == fold(nfc(text))


@MANY
@given(st.text(st.sampled_from(LETTERS + " \t\n"), max_size=60))
def test_fold_of_vietnamese_letters_is_plain_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower().strip()
    assert "  " not in folded


@MANY
@given(st.integers(min_value=0, max_value=10**15))
def test_money_typed_in_words_or_decomposed_reads_back(amount):
    assert parse_money(nfd(f"{format_number_vi(amount)} đồng")) == amount
    assert parse_money(nfd(f"{amount} triệu đồng")) == amount * 1_000_000


@MANY
@given(
    st.floats(allow_nan=True, allow_infinity=True).filter(
        lambda x: x != x or x in (float("inf"), float("-inf")) or x % 1 or x < 0
    )
)
def test_money_refuses_floats_with_a_fraction_in_vietnamese(value):
    with pytest.raises(AmountError) as refused:
        parse_money(value)
    assert str(refused.value).startswith("Số tiền không hợp lệ")


@MANY
@given(ANY_TEXT)
@example("1.5")
@example("21,090")
@example("١٢٣")  # Arabic-Indic digits
@example("１２３")  # full-width digits
@example("1e9")
@example("NaN")
@example("-0")
def test_money_reader_either_reads_a_whole_dong_or_refuses_in_vietnamese(text):
    try:
        value = parse_money(text)
    except AmountError as refused:
        assert str(refused).startswith("Số tiền không hợp lệ")
        return
    assert value is None or (isinstance(value, int) and value >= 0)
    if value is not None:
        # Whatever it read, the formatter writes it back the Vietnamese way.
        assert parse_money(format_money_vi(value)) == value


@MANY
@given(ANY_TEXT, st.sampled_from([0, 2]))
def test_number_reader_never_fails_with_anything_but_a_vietnamese_refusal(text, places):
    try:
        value = parse_number(text, places=places)
    except AmountError as refused:
        assert str(refused)
        return
    assert value is None or (isinstance(value, int | Decimal) and value >= 0)
