"""Public pages of the campaigns: the list, one campaign, the ward's year, and exports.

Figures come from `reports` through `cache.remember`: computed by grouped queries on the
first visit, then served from the cache until staff change campaign data.
"""

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from campaigns import cache, exports, queries, reports
from campaigns.models import Campaign, Entry


@require_safe
def index(request):
    context = {
        "campaigns": queries.campaigns_with_headlines(),
        "years": cache.remember(("years",), reports.years_with_entries),
    }
    return render(request, "campaigns/campaign_list.html", context)


@require_safe
def detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.select_related("body"), slug=slug)
    context = {
        "campaign": campaign,
        "reports": cache.remember(("campaign", campaign.pk), reports.campaign_reports, campaign),
        # The template keeps its rendered tables and charts under this version too.
        "reports_version": cache.version(),
        "articles": reports.published_articles(campaign),
    }
    return render(request, "campaigns/campaign_detail.html", context)


@require_safe
def year(request, year):
    if not 1900 <= year <= datetime.date.today().year + 1:
        raise Http404("Năm không hợp lệ.")
    context = {
        "year": year,
        "reports": cache.remember(("year", year), reports.year_reports, year),
        "years": cache.remember(("years",), reports.years_with_entries),
    }
    return render(request, "campaigns/campaign_year.html", context)


@require_safe
def summary(request, slug, file_format):
    campaign = get_object_or_404(Campaign.objects.select_related("body"), slug=slug)
    figures = cache.remember(("campaign", campaign.pk), reports.campaign_reports, campaign)
    filename = f"van-dong-{campaign.slug}-tong-hop"
    return exports.summary_response(figures, "Năm", file_format, filename)


@require_safe
def year_summary(request, year, file_format):
    if not 1900 <= year <= datetime.date.today().year + 1:
        raise Http404("Năm không hợp lệ.")
    figures = cache.remember(("year", year), reports.year_reports, year)
    return exports.summary_response(figures, "Tháng", file_format, f"van-dong-nam-{year}")


@require_safe
def export(request, slug, file_format):
    campaign = get_object_or_404(Campaign, slug=slug)
    return exports.entries_response(
        Entry.objects.of_campaign(campaign),
        file_format,
        filename=f"van-dong-{campaign.slug}",
        cache_key=("campaign", campaign.pk),
    )
