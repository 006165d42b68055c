"""PostgreSQL's text search configuration for Vietnamese: `simple` (no stemming, no stop
words: every syllable counts) with the `unaccent` dictionary in front, so "Đại", "đại"
and "dai" are one lexeme. Nothing on SQLite, which searches folded text instead.

to_tsvector(regconfig, text) is IMMUTABLE, so the generated tsvector columns and their GIN
indexes need no wrapper around unaccent() (the function itself is only STABLE).
"""

from django.db import migrations

from mattran.search.schema import postgresql_only

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'mattran_vi') THEN
        CREATE TEXT SEARCH CONFIGURATION mattran_vi (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION mattran_vi
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
            WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS mattran_vi;"


class Migration(migrations.Migration):
    dependencies = [("mattran", "0006_visitday")]

    operations = [migrations.RunPython(postgresql_only(CREATE), postgresql_only(DROP))]
