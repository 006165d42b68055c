"""The one stylesheet every page loads: a rule left open swallows every rule after it."""

import re
from pathlib import Path

from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def test_every_block_of_the_stylesheet_is_closed():
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(), flags=re.S)
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"site.css: a '}}' without its '{{' near line {number}"
    assert depth == 0, "site.css: a block is left open"
