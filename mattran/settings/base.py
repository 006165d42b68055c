"""Settings of the ward Front portal, read from the environment.

Defaults are safe for production: DEBUG is off, no host is allowed and a missing
SECRET_KEY stops the start. `make run` sets DEBUG=1 for a newcomer's machine.
Every variable is described in README.md, "Settings".
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # bandit: a development-only key; with DEBUG off SECRET_KEY must be set.
    SECRET_KEY = "django-insecure-local-development-only-never-in-production"  # noqa: S105  # nosec B105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps first so their templates and static files win.
    "mattran",
    "pages",
    "links",
    "documents",
    "visitors",
    "news",
    "meetings",
    "campaigns",
    "portal",
    "ops",
    "mattran.admin_config.PortalAdminConfig",  # django.contrib.admin, with our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "django_ckeditor_5",  # rich text (Vietnamese UI); photos go through mattran/lib/images.py
    "easy_thumbnails",  # the photo renditions, made once at upload
    "reversion",  # history and undelete of everything staff save
    "axes",  # login limits
    "import_export",  # campaign figures from and to XLSX/CSV
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte in the address is a 400 before any view: PostgreSQL refuses NUL in text.
    "mattran.middleware.RefuseNulBytesMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost after WhiteNoise: the request log times everything below it, page-cache
    # hits included; the 503 middleware turns a lost database into a Vietnamese "try again".
    "ops.request_log.RequestLogMiddleware",
    "mattran.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before the page cache, which answers early with stored pages: those views count too.
    "visitors.middleware.VisitorCounterMiddleware",
    # After authentication, so a cached page never reaches anyone with a session.
    "mattran.cache.AnonymousPageCacheMiddleware",
    "news.middleware.OldSlugRedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into our Vietnamese page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mattran.urls"
WSGI_APPLICATION = "mattran.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The project's own templates without their indentation (why: the loader's
            # docstring); the apps' templates (admin, packages) as their authors wrote them.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "mattran.lib.template_loaders.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mattran.context_processors.ward",
                # The header shows "Lãnh đạo" to leaders only; lazy, so anonymous pages pay nothing.
                "mattran.context_processors.leader",
            ],
            "builtins": ["mattran.templatetags.vi"],
        },
    },
]

# Unset: an SQLite file in the project, so a newcomer needs no server.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (gunicorn workers, cron) on one SQLite file: write transactions
    # take the lock when they begin, so one never fails at once on upgrading from a
    # read ("database is locked"); WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
# A database that stops answering gives a fast 503, never a hung worker: seconds to
# connect; the server's limit on one statement (0: none); in web workers, how long a call
# may go unanswered before it is cut (mattran/lib/db_deadline.py).
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", default=2)
DATABASE_STATEMENT_TIMEOUT = env.float("DATABASE_STATEMENT_TIMEOUT", default=30)
DATABASE_ANSWER_TIMEOUT = env.float("DATABASE_ANSWER_TIMEOUT", default=4)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "mattran.postgresql"
    _pg = DATABASES["default"].setdefault("OPTIONS", {})
    for _name, _value in {
        "connect_timeout": DATABASE_CONNECT_TIMEOUT,  # libpq counts at least 2
        # A dead peer on an idle kept connection is noticed in 10 + 3 x 3 s, and data
        # nobody acknowledges fails the call after 5 s.
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": 5000,
    }.items():
        _pg.setdefault(_name, _value)  # a value in DATABASE_URL's query wins
    if DATABASE_STATEMENT_TIMEOUT:
        _timeout = f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
        _pg["options"] = f"{_pg.get('options', '')} {_timeout}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Each cache call waits at most this long for Redis; after REDIS_CUTOUT_FAILURES failures
# in a row a process stops asking for REDIS_CUTOUT_SECONDS (mattran/lib/redis_cache.py).
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.5)
REDIS_CUTOUT_FAILURES = env.int("REDIS_CUTOUT_FAILURES", default=2)
REDIS_CUTOUT_SECONDS = env.float("REDIS_CUTOUT_SECONDS", default=5.0)
if REDIS_URL:
    from mattran.lib.redis_cache import cache_settings

    CACHES = {"default": cache_settings(REDIS_URL, REDIS_TIMEOUT)}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploads larger than this are refused before Django reads them into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"

SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# Notices to staff (mattran/notices.py): printed to the console on a developer's machine,
# sent through SMTP otherwise. A mail server that does not answer costs EMAIL_TIMEOUT
# seconds once per notice, after the change is saved; the change never fails for it.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Cổng thông tin MTTQ <webmaster@localhost>"
)

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# One JSON line per request on stdout (ops/request_log.py); REQUEST_LOG=0 silences it.
LOGGING["formatters"]["json_line"] = {"format": "%(message)s"}
LOGGING["handlers"]["requests_stdout"] = {
    "class": "logging.StreamHandler",
    "stream": "ext://sys.stdout",
    "formatter": "json_line",
}
LOGGING["loggers"]["mattran.requests"] = {
    "handlers": ["requests_stdout"],
    "level": "INFO" if env.bool("REQUEST_LOG", default=True) else "WARNING",
    "propagate": False,
}
# A Redis outage is served from the database (IGNORE_EXCEPTIONS): one warning line every
# few seconds says so, rather than a traceback for every cache call.
DJANGO_REDIS_LOGGER = "mattran.cache_outage"
LOGGING["filters"] = {"cache_outage": {"()": "ops.health.CacheOutageFilter"}}
LOGGING["loggers"]["mattran.cache_outage"] = {"level": "WARNING", "filters": ["cache_outage"]}

# --- editor ---
# Rich text with django-ckeditor-5 (Vietnamese UI), photos checked and cut into renditions
# once at upload by mattran/lib/images.py with easy-thumbnails.

PHOTO_MAX_BYTES = env.int("PHOTO_MAX_BYTES", default=8 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=40_000_000)
PHOTO_MAX_SIDE = env.int("PHOTO_MAX_SIDE", default=2400)
THUMBNAIL_ALIASES = {
    "": {
        "w400": {"size": (400, 0)},
        "w800": {"size": (800, 0)},
        "w1200": {"size": (1200, 0)},
    }
}
THUMBNAIL_QUALITY = 82
THUMBNAIL_PRESERVE_EXTENSIONS = ["png"]

# The package's own upload view checks only the file name when all types are allowed;
# the editor posts to ours instead (mattran/uploads.py): staff with the news permission,
# Pillow-verified, re-encoded, random name.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor_image_upload"
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp", "gif"]
CKEDITOR_5_CUSTOM_CSS = "css/editor.css"
CKEDITOR_5_CONFIGS = {
    "default": {"language": "vi", "toolbar": ["bold", "italic", "link", "|", "undo", "redo"]},
    "news": {
        "language": "vi",
        # The bundle ships every plugin; these would write Markdown, raw HTML, inline
        # sizes or fonts that the sanitiser then strips, so staff never see them.
        "removePlugins": [
            "Markdown", "HtmlEmbed", "SourceEditing", "GeneralHtmlSupport", "FullPage",
            "Style", "Font", "Highlight", "CodeBlock", "Code", "TodoList", "PageBreak",
            "MediaEmbed", "ImageResize", "TableProperties", "TableCellProperties",
            "Mention", "Autosave",
        ],
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "link", "|",
                "bulletedList", "numberedList", "blockQuote", "|",
                "insertTable", "uploadImage", "|", "undo", "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Tiêu đề 2",
                 "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Tiêu đề 3",
                 "class": "ck-heading_heading3"},
                {"model": "heading4", "view": "h4", "title": "Tiêu đề 4",
                 "class": "ck-heading_heading4"},
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative", "toggleImageCaption", "|",
                "imageStyle:inline", "imageStyle:block", "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    },
}  # fmt: skip

# --- staff publishing: workflow, history, page cache, login limits, CSP ---

# Whole-page cache for anonymous residents (mattran/cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# The content version lives in the database; a process re-reads it for the values apps
# derive from content (menu, totals) at most this often, so under 1 s every worker has
# seen a staff change. Cached pages always read it.
CONTENT_VERSION_CHECK_SECONDS = env.float("CONTENT_VERSION_CHECK_SECONDS", default=0.5)
# Every public page an anonymous resident reads is served from the page cache: the
# benchmark showed the others at a tenth of the cached pages' rate. Each app retires
# cached pages when its content changes (the content version).
PAGE_CACHE_PREFIXES = [
    "/tin-tuc/",
    "/gioi-thieu/",
    "/the/",
    "/tim-kiem/",
    "/hoi-nghi/",
    "/van-dong/",
    "/van-ban/",
    "/rss/",
    "/sitemap",
]

# django-axes: lock a username from one address, not the whole ward behind one NAT.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # The public demo password never logs in with DEBUG off (mattran/demo_accounts.py).
    "mattran.demo_accounts.RefuseDemoPasswordBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No start-up banner in every manage.py command's output.
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"
# Behind a reverse proxy, say which header carries the client address and how many
# proxies stand in front, or every visitor shares the proxy's address and lockout.
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=0) or None

# django-csp 4: one policy. No inline or eval'd script anywhere (the admin and
# django-ckeditor-5 load files and read their config from JSON data blocks);
# CKEditor 5 writes inline styles, so styles allow 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.facebook.com",
            "https://web.facebook.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Vietnamese for django-reversion's and django-taggit's admin screens (they ship none).
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates shown as dd/mm/yyyy (admin lists and read-only fields included): mattran/formats/vi.
FORMAT_MODULE_PATH = ["mattran.formats"]

# --- meetings ---
# Leaders-only meeting papers live outside MEDIA_ROOT and are served by a view that checks
# who asks (meetings.views.attachment); the web server must never map this folder.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
# The vi locale defines no input formats: staff type dates the Vietnamese way (dd/mm/yyyy);
# ISO stays accepted for pasted values. The first format is also how inputs show a date.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
]

# --- campaigns ---
# An import is saved whole or not at all: one transaction around the file.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Export from the admin needs the model's own "export_<model>" right, which only the data
# roles hold (mattran/roles.py); import needs add and change (campaigns/admin.py).
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
# A control character an XLSX file cannot hold (old data, typed before imports refused
# them) becomes "\ufffd" instead of failing every download. Formulas are escaped by
# `mattran.lib.spreadsheet`: the library's own formula setting drops "=" and stringifies numbers.
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True

# --- documents ---
# Largest PDF or DOCX staff may attach to a document (văn bản); files are checked by content.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)

# --- visitor statistics ---
# Pending views move from the cache to the database when this many have gathered, or
# after this many seconds (at the next view); `manage.py flush_visits` from cron too.
VISITS_FLUSH_THRESHOLD = env.int("VISITS_FLUSH_THRESHOLD", default=200)
VISITS_FLUSH_SECONDS = env.int("VISITS_FLUSH_SECONDS", default=60)

# --- serving: gunicorn, static files, health, request logs, faults ---
# A load balancer probes /healthz over plain HTTP on the app server itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Hashed static names (CompressedManifestStaticFilesStorage above, DEBUG off) are served
# by WhiteNoise for ten years, "immutable"; this is for the few files asked for by an
# unhashed name (the originals next to them), which may change at the next deploy.
WHITENOISE_MAX_AGE = env.int("WHITENOISE_MAX_AGE", default=0 if DEBUG else 3600)

# Uploads: a failed write leaves no half file (mattran/lib/storage.py). MEDIA_STORAGE=s3 puts
# media on an S3-compatible store; private papers then go to their own private bucket.
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="disk")
if MEDIA_STORAGE == "s3":
    _s3 = {
        "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
        "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env.str("AWS_S3_REGION_NAME", default=None),
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "mattran.lib.storage_s3.PublicMediaStorage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "default_acl": None,  # the bucket's policy makes public media readable
        },
    }
    STORAGES["private"] = {
        "BACKEND": "mattran.lib.storage_s3.PrivateMediaStorage",
        "OPTIONS": {
            **_s3,
            "bucket_name": env.str("AWS_PRIVATE_BUCKET_NAME"),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
elif MEDIA_STORAGE == "disk":
    STORAGES["default"] = {"BACKEND": "mattran.lib.storage.CleanFileSystemStorage"}
else:
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'disk' or 's3'.")


# --- benchmark ---
# `make bench` routes a no-database, no-template view (bench/floor.py) to measure
# the server's floor; never set in production.
BENCH_FLOOR = env.bool("BENCH_FLOOR", default=False)
