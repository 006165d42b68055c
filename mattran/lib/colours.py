"""Colours staff pick for the ward's theme, and the WCAG contrast rule they must meet.

The header and the navigation put white text on the primary and accent colours, so each
must reach WCAG AA (4.5:1) against white: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
"""

import math

from django.core.validators import RegexValidator

HEX_COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$",
    message="Xin nhập màu dạng mã hex sáu chữ số, ví dụ #a50e25.",
)
AA_NORMAL_TEXT = 4.5


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(hex_colour):
    """Relative luminance of "#rrggbb" (0 for black, 1 for white)."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_with_white(hex_colour):
    """The contrast ratio of white text on `hex_colour`, from 1 to 21."""
    return 1.05 / (luminance(hex_colour) + 0.05)


def ratio_vi(ratio):
    """4.5 → "4,5:1", as a Vietnamese reader writes it."""
    # Rounded down, so 4.496 never reads as the 4,5:1 it misses.
    return f"{math.floor(ratio * 100) / 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + ":1"
