from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Cuộc vận động"

    def ready(self):
        from campaigns import cache
        from campaigns.queues import missing_figures
        from mattran.queues import register_queue

        cache.connect()
        register_queue(missing_figures, order=60)
