"""Names of the staff and leader groups; the groups themselves are made by migrations."""

EDITORS = "Biên tập viên"
REVIEWERS = "Duyệt tin"
LEADERS = "Lãnh đạo"


def is_leader(user):
    """Leaders see records marked for leaders only; superusers count as leaders."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=LEADERS).exists()
