"""The admin's English: the UI strings Django and the installed packages write, that their
own Vietnamese catalogues leave untranslated (so only the project's catalogue,
locale/vi/LC_MESSAGES/django.po, can put them in Vietnamese), and a page's visible words."""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import import_export
import reversion

DJANGO = Path(django.__file__).parent
REVERSION = Path(reversion.__file__).parent
IMPORT_EXPORT = Path(import_export.__file__).parent

# Strings Django's Vietnamese does translate: a template of the project that writes them in
# English is caught as well.
ALWAYS = [
    "Skip to main content",
    "Toggle theme",
    "Show counts",
    "Hide counts",
    "Select all",
    "View selected",
    "Model name",
    "Recent actions",
    "My actions",
    "Log out",
    "Documentation",
    "View site",
    "Change password",
    "Welcome",
    "Filter",
    "Search",
    "History",
    "Save and",
    "Delete",
    "Add",
    "Change",
    "Home",
    "Date/time",
    "Revert",
    "Recover",
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\{.*?\}\}|\{\w*\}|<[^>]+>")
MSGID = re.compile(r'^msgid ((?:".*"\n?)+)', re.MULTILINE)
TEMPLATE_STRING = re.compile(
    r"{%\s*(?:trans|translate)\s+([\"'])(.+?)\1|{%\s*blocktrans(?:late)?[^%]*%}(.+?){%",
    re.DOTALL,
)


def msgids_of(po_file):
    text = Path(po_file).read_text(encoding="utf-8")
    found = []
    for match in MSGID.finditer(text):
        parts = re.findall(r'"(.*)"', match.group(1))
        msgid = "".join(parts).replace('\\"', '"').replace("\\n", "\n")
        if msgid:
            found.append(msgid)
    return found


def msgids_of_templates(folder):
    found = []
    for template in Path(folder).rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        for _quote, single, block in TEMPLATE_STRING.findall(source):
            found.append(" ".join((single or block).split()))
    return found


def translated_by(mo_file):
    """The msgids a compiled catalogue translates (an absent file translates none)."""
    if not Path(mo_file).exists():
        return set()
    with open(mo_file, "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    return {key[0] if isinstance(key, tuple) else key.split("\x04")[-1] for key in catalog}


def untranslated_upstream():
    """Each package's English UI strings its own Vietnamese catalogue leaves in English."""
    sources = [
        (
            msgids_of(DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po"),
            DJANGO / "contrib/admin/locale/vi/LC_MESSAGES/django.mo",
        ),
        (
            msgids_of(DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po"),
            DJANGO / "contrib/auth/locale/vi/LC_MESSAGES/django.mo",
        ),
        (
            msgids_of_templates(REVERSION / "templates"),
            REVERSION / "locale/vi/LC_MESSAGES/django.mo",
        ),
        (
            msgids_of_templates(IMPORT_EXPORT / "templates"),
            IMPORT_EXPORT / "locale/vi/LC_MESSAGES/django.mo",
        ),
    ]
    strings = set()
    for msgids, vietnamese in sources:
        done = translated_by(vietnamese)
        strings |= {msgid for msgid in msgids if msgid not in done}
    return strings


def literal_pieces(msgid):
    """What a reader would see of a msgid whatever fills its placeholders: its longest
    literal run of words, kept when it has two words or more (one short word such as
    "New" or "Row" is too common to pin on a page)."""
    runs = [run.strip(" .:-–—“”\"'()…") for run in PLACEHOLDER.split(msgid)]
    runs = [run for run in runs if re.search(r"[A-Za-z]{2}", run)]
    if not runs:
        return None
    longest = max(runs, key=len)
    return longest if len(longest.split()) >= 2 else None


def english_strings():
    derived = {literal_pieces(msgid) for msgid in untranslated_upstream()}
    return sorted({*ALWAYS, *(piece for piece in derived if piece)})


def pattern_of(strings):
    """One regex for all the strings, each a whole phrase (not inside a longer word)."""
    longest_first = sorted(strings, key=len, reverse=True)
    alternatives = "|".join(re.escape(s) for s in longest_first)
    return re.compile(rf"(?<![\w/]){'(?:' + alternatives + ')'}(?![\w/])")


class VisibleText(HTMLParser):
    """The words a page shows or reads aloud: its text and its title, aria-label,
    placeholder, alt and button values; never scripts, styles or URLs."""

    SKIPPED = {"script", "style", "template", "noscript"}
    READ_ALOUD = {"title", "aria-label", "placeholder", "alt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        values = dict(attrs)
        for name, value in attrs:
            if value and name in self.READ_ALOUD:
                self.pieces.append(value)
        if tag == "input" and values.get("type") in ("submit", "button", "reset"):
            self.pieces.append(values.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.pieces.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return [" ".join(piece.split()) for piece in parser.pieces]
