"""The project's templates without their indentation.

djlint indents every nested tag, and Django copies each template's indentation into
every page: half of a campaign page's 105 KB was leading spaces, carried through the
page cache, Redis and the socket on every request. This loader drops the spaces and
tabs at the start of each line when a template is read (once per process, under the
cached loader), so no request pays for it. The line breaks stay, so words and inline
elements keep the space between them and the HTML means what it meant; only `<pre>` and
`<textarea>` would see the difference, and the project's templates have neither
(mattran/tests/test_template_loaders.py checks).

django-spaceless-templates also removes the whitespace *between* tags, which joins
inline elements ("<a>RSS</a> <a>…" written on two lines) and changes what a reader sees.
"""

import re

from django.template.loaders.filesystem import Loader as FilesystemLoader

INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)
# Elements whose content keeps its whitespace: a template holding one is read as written.
WHITESPACE_KEPT = re.compile(r"<(pre|textarea)\b", re.IGNORECASE)


def without_indentation(source):
    if WHITESPACE_KEPT.search(source):
        return source
    return INDENTATION.sub("", source)


class Loader(FilesystemLoader):
    """Django's filesystem loader (the `DIRS` of the project), indentation dropped."""

    def get_contents(self, origin):
        return without_indentation(super().get_contents(origin))
