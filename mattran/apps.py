from django.apps import AppConfig


class MattranConfig(AppConfig):
    name = "mattran"
    verbose_name = "Mặt trận phường"
