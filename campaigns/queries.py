"""What the portal's own pages (home, search, sitemap) may ask of the campaigns app."""

from campaigns import cache, reports
from campaigns.models import Campaign


def _headline_campaigns():
    campaigns = list(Campaign.objects.for_listing())
    headlines = reports.headline_reports(campaigns)
    for campaign in campaigns:
        campaign.headlines = headlines.get(campaign.pk, [])
    return campaigns


def campaigns_with_headlines():
    """Every campaign with `.headlines`: each indicator's total and newest target.

    Cached until campaign data changes; five grouped queries on a cold cache.
    """
    return cache.remember(("index",), _headline_campaigns)


def search(words):
    """Campaigns whose name or description holds every word (for the site search)."""
    found = Campaign.objects.all()
    for word in words:
        found = found.filter(name__icontains=word) | found.filter(description__icontains=word)
    return found
