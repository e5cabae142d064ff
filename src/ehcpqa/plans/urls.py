from django.urls import path

from ehcpqa.analysis import views as analysis_views
from ehcpqa.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:import_id>/", views.import_preview, name="import-preview"),
    path("documents/", views.upload_zip, name="upload-zip"),
    path("documents/<int:batch_id>/", views.batch_detail, name="batch"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/upload/", views.upload_document, name="upload"),
    path("versions/<int:version_id>/download/", views.download_version, name="download"),
    path("versions/<int:version_id>/rerun/", views.rerun_analysis, name="rerun"),
    # Analysis runs live in the analysis app but are reached from the plan register.
    path("runs/<int:run_id>/", analysis_views.run_detail, name="run"),
]
