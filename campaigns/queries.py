"""What the portal's own pages (home, search, sitemap) may ask of the campaigns app."""

from campaigns import cache, reports
from campaigns.models import Campaign, Target
from mattran.search.text import query_words, text_score


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


def search(query):
    """Campaigns whose name or description holds every word of the query as whole words,
    typed with or without diacritics, best first (the phrase, then the name), each with
    `.search_score`. A ward runs a few dozen campaigns at most, so this reads the cached
    list rather than asking the database: no query on a warm cache."""
    words = query_words(query)
    if not words:
        return []
    found = []
    for campaign in campaigns_with_headlines():
        score = text_score(words, campaign.name, campaign.description)
        if score is not None:
            campaign.search_score = score
            found.append(campaign)
    return sorted(found, key=lambda campaign: campaign.search_score, reverse=True)


def target_progress(**filters):
    """Targets matching `filters`, each as a `Progress` (result, percent) in one query.

    For the leaders' page once targets link to resolutions:
    `target_progress(resolution_target__in=ids)`.
    """
    targets = (
        Target.objects.filter(**filters)
        .with_results()
        .select_related("indicator__campaign", "area")
        .order_by("indicator__campaign__name", "indicator__order", "-period_start")
    )
    return [
        reports.Progress(
            target, target.result_money if target.indicator.is_money else target.result_quantity
        )
        for target in targets
    ]


def results_for_area(area):
    """An area's campaign results: per indicator its total there and the area's own
    targets with progress, ordered by campaign. Cached until campaign data changes;
    three grouped queries on a cold cache, however many entries."""
    return cache.remember(("area", area.pk), reports.area_reports, area)


def highlights(limit=3, per_campaign=2):
    """For the home page: up to `limit` campaigns that have targets, each as
    `(campaign, reports)` with up to `per_campaign` indicator reports carrying a
    `.headline` progress. Read from the cached headlines: no query on a warm cache."""
    chosen = []
    for campaign in campaigns_with_headlines():
        with_targets = [report for report in campaign.headlines if report.headline]
        if with_targets:
            chosen.append((campaign, with_targets[:per_campaign]))
        if len(chosen) == limit:
            break
    return chosen
