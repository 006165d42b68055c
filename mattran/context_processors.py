from django.utils.functional import SimpleLazyObject

from mattran import roles
from mattran.models import WardSettings


def ward(request):
    """The ward's identity for header and footer; cached, so usually no query."""
    return {"ward": WardSettings.current()}


def leader(request):
    """`is_leader` for the header's "Lãnh đạo" link: asked only when a logged-in user's
    page renders the header, and shared with the view's own check."""
    user = getattr(request, "user", None)
    if user is None:
        return {"is_leader": False}
    return {"is_leader": SimpleLazyObject(lambda: roles.is_leader(user))}
