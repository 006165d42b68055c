from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaigns.models import Campaign, Entry


class CampaignSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Campaign.objects.order_by("pk")


class CampaignYearSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [day.year for day in Entry.objects.dates("date", "year")]

    def location(self, year):
        return reverse("campaigns:year", args=[year])
