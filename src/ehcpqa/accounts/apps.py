from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ehcpqa.accounts"
    label = "accounts"
    verbose_name = "Local authorities and users"
