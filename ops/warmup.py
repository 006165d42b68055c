"""What a fresh gunicorn worker does before it takes its first request.

A worker compiles each template the first time a page uses it and fills the URL
resolver on its first reverse(): on the 2-CPU benchmark machine that made the first
requests of a new worker (every ~20,000 requests, see gunicorn.conf.py) take 200-600 ms
instead of 3-30 ms. Doing it at boot moves that wait to before the worker accepts.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse


def compile_templates():
    """Every template under the project's template folders into the cached loader;
    returns how many. The admin's own templates are left for staff's first visit."""
    compiled = 0
    for engine in settings.TEMPLATES:
        for directory in map(Path, engine.get("DIRS", ())):
            for path in sorted(directory.rglob("*.html")):
                get_template(path.relative_to(directory).as_posix())
                compiled += 1
    return compiled


def warm_up():
    reverse("home")
    return compile_templates()
