"""A new gunicorn worker compiles the site's templates before its first request."""

import runpy
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.template import engines

from ops.warmup import compile_templates


def test_every_site_template_is_compiled_into_the_cached_loader():
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    site = Path(settings.TEMPLATES[0]["DIRS"][0])
    names = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}

    assert compile_templates() == len(names) > 40  # every site template, not a handful

    assert names <= set(loader.get_template_cache)


def test_gunicorn_runs_the_warm_up_in_each_new_worker():
    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    worker = mock.Mock()
    with mock.patch("ops.warmup.warm_up", return_value=7) as warm_up:
        config["post_worker_init"](worker)
    warm_up.assert_called_once_with()
    worker.log.debug.assert_called_once_with("warm-up: %d templates compiled", 7)
