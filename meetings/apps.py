from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Hội nghị"

    def ready(self):
        from mattran.queues import register_queue
        from meetings import cache
        from meetings.queues import minutes_awaited, overdue_targets

        cache.connect()
        register_queue(overdue_targets, order=70)
        register_queue(minutes_awaited, order=80)
