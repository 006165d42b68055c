"""The portal's own addresses: home, site-wide search, the sitemap index, robots.txt, the
leaders' page, accounts, the committee and the residential areas."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from portal import leaders, views
from portal import search as search_views
from portal import sitemap_views as fast_sitemap
from portal.sitemap_index import gather_sitemaps

SITEMAPS = gather_sitemaps()

urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", search_views.search, name="search"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        fast_sitemap.sitemap,  # Django's sitemap, without the template loop per URL
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("tai-khoan/", include("portal.account_urls")),
    # Before meetings.urls: the leaders' page gathers from meetings and campaigns.
    path("hoi-nghi/lanh-dao/", leaders.leaders, name="leaders"),
    path("to-chuc/", include("portal.committee_urls")),
    path("khu-dan-cu/", include("portal.area_urls")),
]
