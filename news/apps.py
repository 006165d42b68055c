from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from mattran.queues import register_queue
        from news import (
            queues,
            signals,  # noqa: F401  (connects the tag slug receiver)
        )

        for provider in (
            queues.waiting_for_review,
            queues.returned_to_writer,
            queues.scheduled_by_writer,
        ):
            register_queue(provider)
