from django.urls import include, path

urlpatterns = [
    path("", include("ehcpqa.accounts.urls")),
    path("plans/", include("ehcpqa.plans.urls")),
]
