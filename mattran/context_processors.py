from mattran.models import WardSettings


def ward(request):
    """The ward's identity for header and footer; cached, so usually no query."""
    return {"ward": WardSettings.current()}
