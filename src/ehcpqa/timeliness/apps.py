from django.apps import AppConfig


class TimelinessConfig(AppConfig):
    name = "ehcpqa.timeliness"
    label = "timeliness"
    verbose_name = "Statutory timeliness"
