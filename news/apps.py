from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from news import signals  # noqa: F401  (connects the tag slug receiver)
