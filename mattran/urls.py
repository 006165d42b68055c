"""The project's URLconf: each app's own addresses, the admin at /quan-tri/.

The one module below the portal that names every app: it includes their URLconfs."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from ops import health
from visitors import views as visitors

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("thong-ke-truy-cap.json", visitors.figures_json, name="visitor-stats"),
    path("quan-tri/", admin.site.urls),
    path("bien-tap/anh/", include("mattran.uploads")),
    path("bien-tap/xem-truoc/", include("news.preview_urls")),
    path("", include("portal.urls")),  # before meetings: /hoi-nghi/lanh-dao/ is the portal's
    path("hoi-nghi/", include("meetings.urls")),
    path("gioi-thieu/", include("pages.urls")),
    path("van-dong/", include("campaigns.urls")),
    path("van-ban/", include("documents.urls")),
    path("", include("bench.floor")),  # empty unless BENCH_FLOOR=1
    path("", include("news.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "mattran.unavailable.page_not_found"
handler500 = "mattran.unavailable.server_error"
