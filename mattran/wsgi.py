import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings.base")

application = get_wsgi_application()

# A web worker never waits on a database that stopped answering (mattran/lib/db_deadline.py).
from mattran.lib import db_deadline  # noqa: E402

db_deadline.watch_this_process()

# Every server imports this (gunicorn for `make serve`, any other WSGI server): with
# DEBUG off a demo account with its public password stops the start here. Under gunicorn
# the worker fails to boot and the master exits with the message in its log.
from mattran.checks import refuse_demo_accounts_at_start  # noqa: E402

refuse_demo_accounts_at_start()
