"""System checks of a production deployment that need its database.

Django runs a check's database part only for the databases it is given; the project's
`check` command gives it the default database with `--deploy`
(mattran/management/commands/check.py), so `python manage.py check --deploy` stops. The
server runs the same check at start-up (mattran/wsgi.py), so `make serve` stops too.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from mattran import demo_accounts


@register(Tags.security, deploy=True)
def check_demo_accounts(app_configs, databases=None, **kwargs):
    if settings.DEBUG or not databases:
        return []
    errors = []
    for alias in databases:
        try:
            if not _has_accounts_table(alias):
                continue  # not migrated yet: no account at all, nothing to refuse
            usernames = demo_accounts.with_demo_password(using=alias)
        except DatabaseError as error:
            # Not migrated yet or not reachable: nothing known to refuse, but say so.
            errors.append(
                Warning(
                    f"Could not look for demo accounts in the database {alias!r}: {error}",
                    hint="Run `python manage.py migrate` and check again.",
                    id="mattran.W001",
                )
            )
            continue
        if usernames:
            errors.append(Error(demo_accounts.refusal(usernames), id="mattran.E001"))
    return errors


def _has_accounts_table(alias):
    connection = connections[alias]
    with connection.cursor() as cursor:
        return get_user_model()._meta.db_table in connection.introspection.table_names(cursor)


def refuse_demo_accounts_at_start():
    """Stop a production server's start while a demo account keeps the demo password.

    A database that is down at start-up does not stop it: the site answers its own 503
    page until the database is back, and the login refuses the demo password anyway."""
    try:
        found = check_demo_accounts(None, databases=[DEFAULT_DB_ALIAS])
    finally:
        # Opened before the worker serves anything: not kept idle until the first request.
        connections.close_all()
    refused = [message.msg for message in found if message.is_serious()]
    if refused:
        raise ImproperlyConfigured(refused[0])
