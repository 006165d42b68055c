from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Cuộc vận động"

    def ready(self):
        from campaigns import cache

        cache.connect()
