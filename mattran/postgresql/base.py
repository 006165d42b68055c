"""Django's PostgreSQL backend with every call watched by mattran/lib/db_deadline.py."""

from django.db.backends.postgresql import base

from mattran.lib import db_deadline


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._answered_in_time)

    def _answered_in_time(self, execute, sql, params, many, context):
        with db_deadline.answer_within(db_deadline.answer_seconds(), self.connection):
            return execute(sql, params, many, context)

    def is_usable(self):
        # Django's check of a kept connection, at the start of each request: SELECT 1.
        seconds = db_deadline.PING_SECONDS if db_deadline.is_watching() else None
        with db_deadline.answer_within(seconds, self.connection):
            return super().is_usable()

    def _commit(self):
        with db_deadline.answer_within(db_deadline.answer_seconds(), self.connection):
            return super()._commit()

    def _rollback(self):
        with db_deadline.answer_within(db_deadline.answer_seconds(), self.connection):
            return super()._rollback()
