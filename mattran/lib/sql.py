"""Query helpers shared by the apps."""

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q


def pk_in_any(*id_querysets):
    """A filter for the rows whose id one of `id_querysets` (each `.values("pk")`, usually
    ordered and sliced: "the newest five of this kind") gives.

    PostgreSQL gets one `UNION ALL`, so each branch is planned on its own and reads its
    own index; an OR of the conditions is planned as a whole and can lose them (the
    "Thông tin khác" query hashed every tagged row of three common tags, 26 ms at
    100,000 articles, to return five). SQLite refuses LIMIT inside a UNION: an OR of
    `IN` tests there, on a ward-sized database."""
    if connection.features.supports_slicing_ordering_in_compound:
        first, *others = id_querysets
        return Q(pk__in=first.union(*others, all=True))
    return reduce(or_, (Q(pk__in=ids) for ids in id_querysets))
