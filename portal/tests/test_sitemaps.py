from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from portal.sitemap_index import gather_sitemaps


def test_sitemaps_are_gathered_from_each_apps_own_module():
    gathered = gather_sitemaps()
    for section, sitemap in NEWS_SITEMAPS.items():
        assert gathered[section] is sitemap


def test_apps_without_a_sitemaps_module_add_nothing(settings):
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "news"]
    assert "news" not in gather_sitemaps()
