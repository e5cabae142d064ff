from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "ehcpqa.reporting"
    label = "reporting"
