"""The portal's own pages: home, robots.txt and the error pages (search: mattran.search)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from campaigns import queries as campaign_queries
from documents import queries as document_queries
from links.models import current_links
from meetings import queries as meeting_queries
from news import queries as news_queries

HOME_FEATURED = 3
HOME_LATEST = 6
HOME_PER_CATEGORY = 4
HOME_MEETINGS = 3
HOME_CAMPAIGNS = 3
HOME_DOCUMENTS = 4


@require_safe
def home(request):
    """Featured and latest news, upcoming meetings (the latest ones when none is coming),
    campaign highlights with their progress, the newest documents, then one news block per
    section; staff's banners above and their link block below."""
    featured, latest, news_blocks = news_queries.home_news(
        HOME_FEATURED, HOME_LATEST, HOME_PER_CATEGORY
    )
    meetings, meetings_upcoming = meeting_queries.upcoming_or_latest(request.user, HOME_MEETINGS)
    context = {
        "featured": featured,
        "latest": latest,
        "meetings": meetings,
        "meetings_upcoming": meetings_upcoming,
        "campaign_highlights": campaign_queries.highlights(HOME_CAMPAIGNS),
        "documents": document_queries.latest(HOME_DOCUMENTS, request.user),
        "news_blocks": news_blocks,
        # Cached for the day, forgotten when staff change a link: no query once warm.
        "links": current_links(),
    }
    return render(request, "portal/home.html", context)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /quan-tri/",
        "Disallow: /tai-khoan/",
        "Disallow: /tim-kiem/",
        # Staff preview and editor uploads: never for search engines.
        "Disallow: /bien-tap/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
