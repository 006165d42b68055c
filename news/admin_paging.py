"""A changelist paginator that never counts a large table row by row."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Counting up to this many rows is cheap; beyond it an estimate is good enough
# ("about 100.000 bài viết"), and staff narrow a long list with filters or search.
EXACT_COUNT_LIMIT = 10_000


class EstimatedCountPaginator(Paginator):
    """Unfiltered lists on PostgreSQL read the planner's row estimate
    (pg_class.reltuples, kept fresh by autovacuum); everything else counts at most
    EXACT_COUNT_LIMIT + 1 rows in a subquery with LIMIT."""

    @cached_property
    def count(self):
        queryset = self.object_list
        if not queryset.query.where:
            estimate = self._estimate(queryset)
            if estimate > EXACT_COUNT_LIMIT:
                return estimate
        return queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()

    @staticmethod
    def _estimate(queryset):
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return 0
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [queryset.model._meta.db_table],
            )
            row = cursor.fetchone()
        return max(int(row[0]), 0) if row else 0
