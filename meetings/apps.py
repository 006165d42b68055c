from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Hội nghị"

    def ready(self):
        from meetings import cache

        cache.connect()
