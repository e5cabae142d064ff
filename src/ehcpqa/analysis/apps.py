from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "ehcpqa.analysis"
    label = "analysis"
