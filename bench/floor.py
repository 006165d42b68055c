"""The benchmark's floor: a fixed short answer, no database, no template.

`make bench` measures it beside every page, through the same server and middleware, to
show what the portal's own work costs on top. Routed only when BENCH_FLOOR=1 is in the
environment (settings.BENCH_FLOOR); a production server never has it.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path


def floor(request):
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("do-tai/san/", floor, name="bench-floor")] if settings.BENCH_FLOOR else []
