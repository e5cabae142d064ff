from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "ehcpqa.audits"
    label = "audits"
