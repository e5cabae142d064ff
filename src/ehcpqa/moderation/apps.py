from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "ehcpqa.moderation"
    label = "moderation"
