from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Trang giới thiệu"

    def ready(self):
        from mattran.queues import register_queue
        from pages.queues import waiting_pages

        register_queue(waiting_pages, order=40)
