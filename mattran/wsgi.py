import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings")

application = get_wsgi_application()

# Every server imports this (gunicorn for `make serve`, any other WSGI server): with
# DEBUG off a demo account with its public password stops the start here. Under gunicorn
# the worker fails to boot and the master exits with the message in its log.
from mattran.checks import refuse_demo_accounts_at_start  # noqa: E402

refuse_demo_accounts_at_start()
