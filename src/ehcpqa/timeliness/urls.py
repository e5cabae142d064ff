from django.urls import path

from ehcpqa.timeliness import views

app_name = "timeliness"

urlpatterns = [
    path("", views.report, name="report"),
    path("measures/<str:rule>/", views.measure_cases, name="cases"),
    path("reviews-due/", views.reviews_due, name="reviews-due"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:import_id>/", views.import_preview, name="import-preview"),
]
