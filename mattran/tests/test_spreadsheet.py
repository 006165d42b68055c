"""The cell rules every spreadsheet download and import follows."""

from decimal import Decimal

import pytest

from mattran.lib.spreadsheet import control_characters, escape, unescape


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "\t=1", "\r=1"],
)
def test_text_a_spreadsheet_would_run_gets_a_quote_and_comes_back(text):
    assert escape(text) == "'" + text
    assert unescape(escape(text)) == text


@pytest.mark.parametrize("value", [-5, Decimal("-12.5"), 0, "-5", "+5", "-12,5", "-1.151.800"])
def test_numbers_stay_numbers(value):
    assert escape(value) is value


@pytest.mark.parametrize("text", ["Khu phố 1", "", "'quoted", "'-5", "a=b"])
def test_ordinary_text_is_left_alone(text):
    assert escape(text) == text
    assert unescape(text) == text


def test_one_line_text_refuses_every_control_and_multiline_keeps_breaks_and_tabs():
    text = "a\tb\nc\r\x0b\x00\x85\x7f\x0b"

    assert control_characters(text) == ["\t", "\n", "\r", "\x0b", "\x00", "\x85", "\x7f"]
    assert control_characters(text, multiline=True) == ["\x0b", "\x00", "\x85", "\x7f"]
    assert control_characters("Đại đoàn kết\u200b") == []
