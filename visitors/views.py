from django.http import JsonResponse

from mattran.templatetags.vi import so
from visitors.models import figures


def figures_json(request):
    """The footer fetches this: the footer itself is in cached HTML, where live figures
    would be frozen for the page cache's lifetime."""
    numbers = figures()
    response = JsonResponse({key: so(value) for key, value in numbers.items()})
    response["Cache-Control"] = "no-store"
    return response
