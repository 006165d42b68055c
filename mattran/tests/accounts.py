"""Test accounts: one password, a user made in the given groups (their rights granted)."""

from django.contrib.auth.models import Group

from mattran import roles

PASSWORD = "mat-khau-thu-nghiem-2024"


def make_user(django_user_model, username, *groups, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if groups:
        # A serialized_rollback test's closing flush skips post_migrate, so the groups
        # may be gone for the next transactional test; make them again (idempotent).
        roles.grant_group_permissions()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
