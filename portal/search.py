"""/tim-kiem/?q=: news, meetings, documents, campaigns and static pages in one search.

The view asks each app's query module for its ranked matches (leaders-only meetings and
documents only for leaders), then renders them grouped by type with their counts;
`?loai=` shows one type, paginated. Titles and excerpts are highlighted here, in Python,
on the original text (mattran.search.highlight).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from campaigns import queries as campaign_queries
from documents import queries as document_queries
from mattran.lib.html import html_to_text
from mattran.lib.text import format_number_vi
from mattran.search.fulltext import CANDIDATES
from mattran.search.highlight import excerpt, has_match, highlight
from mattran.search.text import clean_query, query_words
from meetings import queries as meeting_queries
from news import queries as news_queries
from portal import page_search

PAGE_SIZE = 12
PREVIEW = 5

NEWS, MEETINGS, DOCUMENTS, CAMPAIGNS, PAGES = "tin-tuc", "hoi-nghi", "van-ban", "van-dong", "trang"
LABELS = {
    NEWS: "Tin tức",
    MEETINGS: "Hội nghị",
    DOCUMENTS: "Văn bản",
    CAMPAIGNS: "Cuộc vận động",
    PAGES: "Trang giới thiệu",
}
UNITS = {
    NEWS: "tin",
    MEETINGS: "hội nghị",
    DOCUMENTS: "văn bản",
    CAMPAIGNS: "cuộc vận động",
    PAGES: "trang giới thiệu",
}


@dataclass
class Hit:
    url: str
    title: str  # safe HTML, matches marked
    excerpt: str = ""  # safe HTML
    meta: list = field(default_factory=list)
    internal: bool = False
    item: object = None


@dataclass
class Group:
    kind: str
    hits: list
    found: int  # matches; above CANDIDATES means "more than CANDIDATES"
    page_obj: object = None

    @property
    def label(self):
        return LABELS[self.kind]

    @property
    def count_label(self):
        if self.found > CANDIDATES:
            return f"hơn {format_number_vi(CANDIDATES)}"
        return format_number_vi(self.found)

    @property
    def unit(self):
        return UNITS[self.kind]

    @property
    def summary(self):
        return f"{self.count_label} {self.unit}"


def _page_number(request):
    try:
        return max(1, int(request.GET.get("page", 1)))
    except (TypeError, ValueError):
        return 1


def _fetch(ranked, number, size):
    """(rows, found, page) for page `number` of a ranked queryset: one query, whose rows
    carry the count; a page past the end costs a count and shows the last page."""
    start = min((number - 1) * size, CANDIDATES)
    rows = list(ranked[start : start + size])
    if rows:
        found = rows[0].found
    elif start:
        found = ranked.count()
    else:
        found = 0
    paginator = Paginator(range(min(found, CANDIDATES)), size)
    page = paginator.get_page(number)
    if not rows and found:
        start = (page.number - 1) * size
        rows = list(ranked[start : start + size])
    return rows[: max(0, min(found, CANDIDATES) - start)], found, page


def _in_memory(items, number, size):
    page = Paginator(items, size).get_page(number)
    return list(page.object_list), len(items), page


def _article_hit(article, words):
    source = article.sapo
    if not has_match(article.sapo, words) and not has_match(article.title, words):
        body = html_to_text(article.body)
        source = body if has_match(body, words) else article.sapo or body
    return Hit(
        url=article.get_absolute_url(),
        title=highlight(article.title, words),
        excerpt=excerpt(source, words),
        meta=[article.category.name, article.published_at],
        item=article,
    )


def _meeting_hit(meeting, words):
    source = meeting.summary if has_match(meeting.summary, words) else meeting.place
    return Hit(
        url=meeting.get_absolute_url(),
        title=highlight(meeting.title, words),
        excerpt=excerpt(source or meeting.summary, words),
        meta=[meeting.get_kind_display(), meeting.starts_at, meeting.body.name],
        internal=not meeting.is_public,
        item=meeting,
    )


def _document_hit(document, words):
    return Hit(
        url=document.get_absolute_url(),
        title=highlight(document.summary, words),
        excerpt=highlight(f"{document.number} · {document.get_kind_display()}", words),
        meta=[document.issuer, document.issued_on],
        internal=not document.is_public,
        item=document,
    )


def _campaign_hit(campaign, words):
    return Hit(
        url=campaign.get_absolute_url(),
        title=highlight(campaign.name, words),
        excerpt=excerpt(campaign.description, words),
        meta=[campaign.get_kind_display()],
        item=campaign,
    )


def _page_hit(page, words):
    return Hit(url=page.url, title=highlight(page.title, words), excerpt=excerpt(page.text, words))


def _groups(request, query, words, chosen):
    """Every group with its count; the chosen one (news when none is) paginated, the
    others a preview (or nothing but the count while another type is chosen)."""
    number = _page_number(request)
    user = request.user

    def size(kind):
        if kind == (chosen or NEWS):
            return PAGE_SIZE
        return 1 if chosen else PREVIEW

    sources = [
        (NEWS, lambda: news_queries.search(query), _article_hit, True),
        (MEETINGS, lambda: meeting_queries.search(query, user), _meeting_hit, True),
        (DOCUMENTS, lambda: document_queries.search(query, user), _document_hit, True),
        (CAMPAIGNS, lambda: campaign_queries.search(query), _campaign_hit, False),
        (PAGES, lambda: page_search.search(query), _page_hit, False),
    ]
    groups = []
    for kind, find, to_hit, in_database in sources:
        paginated = kind == (chosen or NEWS)
        fetch = _fetch if in_database else _in_memory
        rows, found, page = fetch(find(), number if paginated else 1, size(kind))
        shown = rows if not chosen or kind == chosen else []
        groups.append(
            Group(kind, [to_hit(row, words) for row in shown], found, page if paginated else None)
        )
    return groups


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    words = query_words(query)
    chosen = request.GET.get("loai", "")
    chosen = chosen if chosen in LABELS else ""
    groups = _groups(request, query, words, chosen) if words else []
    by_kind = {group.kind: group for group in groups}
    pagination = {"q": query, **({"loai": chosen} if chosen else {})}
    context = {
        "query": query,
        "words": words,
        "chosen": chosen,
        "groups": groups,
        "shown_groups": [g for g in groups if not chosen or g.kind == chosen],
        "labels": LABELS,
        "results": [hit.item for hit in by_kind[NEWS].hits] if groups else [],
        "page_obj": (by_kind.get(chosen or NEWS).page_obj if groups else None),
        "pagination_query": urlencode(pagination),
        "all_query": urlencode({"q": query}),
        "candidates": format_number_vi(CANDIDATES),
        "capped": any(group.found > CANDIDATES for group in groups),
    }
    return render(request, "portal/search.html", context)
