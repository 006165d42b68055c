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

        register_queue(queues.waiting_for_review, order=10)
        register_queue(queues.returned_to_writer, order=20)
        register_queue(queues.scheduled_by_writer, order=30)
