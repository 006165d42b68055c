"""Counting page views before the page cache answers (see visitors.models)."""

from visitors.models import count_visit, flush_due, flush_visits, is_countable


class VisitorCounterMiddleware:
    """Counts anonymous-or-not page views in the cache. Must come before
    AnonymousPageCacheMiddleware so that pages served from the cache are counted."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_countable(request, response):
            # A cache that swallows its errors (django-redis IGNORE_EXCEPTIONS) answers None.
            pending = count_visit(request) or 0
            if flush_due(pending):
                flush_visits()
        return response
