import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mattran.settings")

application = get_wsgi_application()

# A web worker never waits on a database that stopped answering (mattran/db_deadline.py).
from mattran import db_deadline  # noqa: E402

db_deadline.watch_this_process()
