from django.urls import include, path

urlpatterns = [
    path("", include("ehcpqa.accounts.urls")),
    path("plans/", include("ehcpqa.plans.urls")),
    path("audits/", include("ehcpqa.audits.urls")),
    path("moderation/", include("ehcpqa.moderation.urls")),
    path("reporting/", include("ehcpqa.reporting.urls")),
    path("timeliness/", include("ehcpqa.timeliness.urls")),
]
