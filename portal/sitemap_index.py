"""/sitemap.xml gathers `SITEMAPS` from each of our apps' own `sitemaps.py`.

The portal stands on top of the apps, so it asks them rather than importing their
models; an app with no sitemaps module simply adds nothing (the portal's own sections,
pages and areas, are in portal/sitemaps.py and gathered like any app's).
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule


def is_local_app(app_config):
    path = app_config.path
    return path.startswith(str(settings.BASE_DIR)) and "site-packages" not in path


def gather_sitemaps():
    sitemaps = {}
    for app_config in apps.get_app_configs():
        if not is_local_app(app_config):
            continue
        if module_has_submodule(app_config.module, "sitemaps"):
            module = import_module(f"{app_config.name}.sitemaps")
            sitemaps.update(getattr(module, "SITEMAPS", {}))
    return sitemaps
