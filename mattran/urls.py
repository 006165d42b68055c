"""The portal's URLconf: Vietnamese public URLs, the admin at /quan-tri/."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from mattran import health, leaders, views, visitors
from mattran import sitemap_views as fast_sitemap
from mattran.login_forms import AdminLoginForm
from mattran.search import views as search_views
from mattran.sitemaps import gather_sitemaps

SITEMAPS = gather_sitemaps()

admin.site.site_header = "Quản trị Cổng thông tin Ủy ban MTTQ phường"
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Bảng điều khiển"
admin.site.login_form = AdminLoginForm

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
    path("healthz", health.healthz, name="healthz"),
    path("thong-ke-truy-cap.json", visitors.figures_json, name="visitor-stats"),
    path("tai-khoan/", include("mattran.account_urls")),
    path("quan-tri/", admin.site.urls),
    path("bien-tap/anh/", include("mattran.uploads")),
    path("bien-tap/xem-truoc/", include("news.preview_urls")),
    # Before meetings.urls: the leaders' page gathers from meetings and campaigns.
    path("hoi-nghi/lanh-dao/", leaders.leaders, name="leaders"),
    path("hoi-nghi/", include("meetings.urls")),
    path("to-chuc/", include("mattran.committee_urls")),
    path("gioi-thieu/", include("mattran.page_urls")),
    path("khu-dan-cu/", include("mattran.area_urls")),
    path("van-dong/", include("campaigns.urls")),
    path("van-ban/", include("mattran.document_urls")),
    path("", include("mattran.bench_floor")),  # empty unless BENCH_FLOOR=1
    path("", include("news.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "mattran.views.page_not_found"
handler500 = "mattran.unavailable.server_error"
