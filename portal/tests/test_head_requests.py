"""HEAD, as link checkers, feed readers and uptime monitors send it, answers as GET does.

A public page that allowed GET only answered HEAD with 405, so monitors reported the
portal down and link checkers dropped its pages.
"""

from portal.tests.test_access_walk import EXPECTED
from portal.tests.walk import public_cases

# Things a resident may not GET either (POST-only actions) keep their own answer.
NOT_PAGES = {405}


def test_every_public_page_answers_head_as_it_answers_get(world, client):
    wrong = []
    for key, urls in public_cases(world).items():
        expected = EXPECTED[key]["visitor"]
        if expected in NOT_PAGES:
            continue
        for url in urls:
            head, get = client.head(url).status_code, client.get(url).status_code
            if head != get:
                wrong.append(f"{key} {url}: HEAD {head}, GET {get}")
    assert wrong == []


def test_head_reaches_each_kind_of_public_page(world, client):
    kinds = {
        "home",
        "news:index",
        "news:slug",
        "news:tag",
        "news:rss",
        "meetings:index",
        "meetings:detail",
        "campaigns:index",
        "campaigns:detail",
        "documents:index",
        "documents:detail",
        "search",
        "pages:index",
        "pages:detail",
        "sitemap",
    }
    cases = public_cases(world)
    for (name, case), urls in cases.items():
        if name in kinds and EXPECTED[(name, case)]["visitor"] == 200:
            kinds.discard(name)
            for url in urls:
                assert client.head(url).status_code == 200, url
    assert kinds == set(), "a public page kind is missing from the walk"
