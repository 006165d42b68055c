"""Exit 0 when the PostgreSQL server of the given URL answers within two seconds."""

import sys

import environ
import psycopg2

config = environ.Env.db_url_config(sys.argv[1])
try:
    psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or "postgres",
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or "127.0.0.1",
        port=config.get("PORT") or 5432,
        connect_timeout=2,
    ).close()
except psycopg2.OperationalError:
    sys.exit(1)
