"""The database is down: residents get a Vietnamese 503 page, not a 500.

`DatabaseUnavailableMiddleware.process_exception` answers a view whose database call
failed (django.db.OperationalError or InterfaceError: refused, terminated, unreachable);
`server_error`, the URLconf's handler500, does the same for a failure outside a view
(another middleware). Both render templates/503.html with no context processor and no
query, and say when to try again. Nothing is cached: the page cache stores 200s only.

Recovery needs nothing: CONN_HEALTH_CHECKS (settings) makes Django drop the broken
connection and open a new one at the next request once the database answers.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def unavailable_response():
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error(
                "Database unavailable for %s %s: %s", request.method, request.path, exception
            )
            return unavailable_response()
        return None


def server_error(request):
    """handler500: a database outage outside a view is a 503 as well."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return unavailable_response()
    # No context processors: the database may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))


def page_not_found(request, exception):
    """handler404."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))
