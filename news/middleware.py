"""Old addresses of articles keep working after staff change a slug."""

from django.http import HttpResponsePermanentRedirect

from news.models import ArticleSlugHistory

PREFIX = "/tin-tuc/"


class OldSlugRedirectMiddleware:
    """Turns a 404 under /tin-tuc/<old-slug>/ (or its ban-in/) into a 301 to the
    article's current address. It only looks when the page was not found, so a
    live article or section that now has that slug always wins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not request.path.startswith(PREFIX):
            return response
        parts = request.path[len(PREFIX) :].strip("/").split("/")
        if len(parts) == 1:
            suffix = ""
        elif len(parts) == 2 and parts[1] == "ban-in":
            suffix = "ban-in/"
        else:
            return response
        old = ArticleSlugHistory.objects.filter(slug=parts[0]).select_related("article").first()
        if old is None or not old.article.is_public:
            return response
        target = old.article.get_absolute_url() + suffix
        if request.META.get("QUERY_STRING"):
            target += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(target)
