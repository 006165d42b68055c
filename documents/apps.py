from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from documents.queues import waiting_documents
        from mattran.queues import register_queue

        register_queue(waiting_documents, order=50)
