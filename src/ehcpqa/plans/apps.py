from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ehcpqa.plans"
    label = "plans"
