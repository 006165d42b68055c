"""Requests no page can answer, refused before any view runs."""

from django.http import HttpResponseBadRequest


class RefuseNulBytesMiddleware:
    """A NUL byte in the address (path or query) gets a 400.

    PostgreSQL cannot store or compare text holding NUL, so a lookup with one raises
    instead of finding nothing; no real link carries one, only scanners do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "Địa chỉ có ký tự không hợp lệ.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
