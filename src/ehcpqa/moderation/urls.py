from django.urls import path

from ehcpqa.moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.home, name="home"),
    path("rounds/<int:round_id>/", views.round_moderation, name="round"),
    path("rounds/<int:round_id>/sample/", views.sample_draw, name="sample-draw"),
    path("rounds/<int:round_id>/flag/", views.audit_flag, name="flag"),
    path("rounds/<int:round_id>/statistics/", views.round_statistics, name="round-statistics"),
    path("rounds/<int:round_id>/automated-checks/", views.machine_human, name="machine-human"),
    path("statistics/", views.statistics_overview, name="statistics"),
    path("items/<int:item_id>/", views.item_detail, name="item"),
    path("markings/<int:marking_id>/", views.marking, name="marking"),
    path("outcomes/", views.outcomes, name="outcomes"),
    path("outcomes/<int:item_id>/", views.outcome_detail, name="outcome"),
    path("calibration/", views.calibration_list, name="calibrations"),
    path("calibration/new/", views.calibration_create, name="calibration-create"),
    path("calibration/<int:exercise_id>/", views.calibration_detail, name="calibration"),
]
