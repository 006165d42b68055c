"""Vietnamese personal names: how they sort.

A Vietnamese list of people is ordered by the given name (the last word: "Lan" in
"Lê Thuý Lan"), then by the rest of the name from the family name on. Letters follow
the Vietnamese alphabet (a ă â b c d đ e ê g … o ô ơ … u ư …), and within one word the
tone counts only after all its letters: "Lan" < "Làn" < "Lán" < "Lanh".

`sort_key()` turns a name into a plain ASCII string that orders the same way under a
byte-wise comparison, so it can be stored and ordered by in SQLite and PostgreSQL alike,
whatever the database collation. Old and new tone placements ("Thuý", "Thúy") give
the same key.
"""

import unicodedata

# The Vietnamese alphabet, then the letters it borrows for foreign names.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Tones in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a letter of their own: ă (breve), â ê ô (circumflex), ơ ư (horn).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# Each letter becomes one ASCII character after the digits; any order-preserving
# mapping works, these stay printable so a key can be read while debugging.
_LETTER_CODES = {letter: chr(ord("A") + index) for index, letter in enumerate(ALPHABET)}
_DIGIT_CODES = {str(digit): str(digit) for digit in range(10)}

# Below every letter and digit code: a shorter word sorts before a longer one ("!"),
# and a shorter name before a longer one (" ").
_WORD_END = "!"
_NAME_GAP = " "


def split_name(full_name):
    """(given name, the rest): "Lê Thuý Lan" -> ("Lan", "Lê Thuý")."""
    words = unicodedata.normalize("NFC", full_name or "").split()
    if not words:
        return "", ""
    return words[-1], " ".join(words[:-1])


def sort_key(full_name):
    """ASCII key ordering names the Vietnamese way: given name, then the rest."""
    given, rest = split_name(full_name)
    words = [given, *rest.split()] if given else []
    return _NAME_GAP.join(_word_key(word) for word in words)


def _word_key(word):
    letters, tone = [], 0
    for base, marks in _letters(word.casefold()):
        if base in _DIGIT_CODES:
            letters.append(_DIGIT_CODES[base])
            continue
        letter = unicodedata.normalize(
            "NFC", base + "".join(m for m in marks if m in _LETTER_MARKS)
        )
        code = _LETTER_CODES.get(letter) or _LETTER_CODES.get(base)
        if code is None:
            continue  # punctuation such as the hyphen of a foreign name does not sort
        letters.append(code)
        tone = next((_TONES[m] for m in marks if m in _TONES), tone)
    return "".join(letters) + _WORD_END + str(tone)


def _letters(word):
    """(base character, its combining marks) for each letter of a decomposed word."""
    base, marks = None, []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            marks.append(char)
            continue
        if base is not None:
            yield base, marks
        base, marks = char, []
    if base is not None:
        yield base, marks
