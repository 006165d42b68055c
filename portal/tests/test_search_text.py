"""Search keys and highlighting: whole words, one folded character per character, and
nothing of the text or the query reaches the page unescaped."""

import unicodedata

from mattran.lib.text import fold
from mattran.search.highlight import excerpt, highlight
from mattran.search.text import clean_query, fold_aligned, query_words, search_key

VIETNAMESE_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


def test_every_vietnamese_letter_folds_to_one_character():
    for letter in VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper():
        assert len(unicodedata.normalize("NFC", letter)) == 1
        assert len(fold(letter)) == 1, letter
        assert fold(letter).isascii(), letter


def test_aligned_folding_keeps_every_position():
    text = "Ngày hội “Đại đoàn kết”\n\ttoàn dân – Straße"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    assert folded.startswith("ngay hoi “dai doan ket”  toan dan – stra")


def test_search_key_keeps_whole_words_in_weighted_sections():
    key = search_key("Nhà tình thương", "Số 45/TB-MTTQ, ngày 17/5.", "")
    assert key == "nha tinh thuong | so 45 tb mttq ngay 17 5 | "


def test_query_is_composed_cleaned_and_cut():
    assert query_words("Đa\u0323i đoàn kết") == ["dai", "doan", "ket"]
    assert clean_query("  a\x00b\n  c ") == "a b c"
    assert len(clean_query("x" * 10_000)) == 200
    assert query_words("nha nha, NHÀ!") == ["nha"]
    assert query_words("<>!! ") == []


def test_highlight_marks_the_phrase_with_its_diacritics():
    html = highlight("Trao nhà tình thương cho hộ nghèo ở khu nhân dân", ["nha", "tinh", "thuong"])
    assert html == "Trao <mark>nhà tình thương</mark> cho hộ nghèo ở khu nhân dân"


def test_highlight_escapes_everything_it_does_not_mark():
    html = highlight('<script>alert("nhà")</script> & nhà', ["nha"])
    assert "<script>" not in html
    assert html == (
        "&lt;script&gt;alert(&quot;<mark>nhà</mark>&quot;)&lt;/script&gt; &amp; <mark>nhà</mark>"
    )


def test_excerpt_is_cut_around_the_first_match():
    text = "Mở đầu. " + "lời " * 200 + "Phường trao nhà tình thương cho hộ nghèo. " + "kết " * 200
    shown = excerpt(text, ["nha", "tinh", "thuong"], length=120)
    assert shown.startswith("… ") and shown.endswith(" …")
    assert "<mark>nhà tình thương</mark>" in shown
    assert len(shown) < 180
