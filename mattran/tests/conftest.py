"""The portal's own pages gather from every app, so their tests use the apps' fixtures."""

from campaigns.tests.conftest import (  # noqa: F401
    areas,
    committee,
    fund,
    fund_indicator,
    fund_raised,
    houses,
    poor_day,
    rice,
    ward,
)
from mattran.tests.walk import world  # noqa: F401,E402  (the access walk's records)
from meetings.tests.conftest import (  # noqa: F401
    _private_media_in_tmp,
    body,
    internal_meeting,
    public_meeting,
    staff_outside_leaders,
    term,
)
from news.tests.conftest import (  # noqa: F401
    category,
    draft,
    make_article,
    many_articles,
    other_category,
    published,
)
