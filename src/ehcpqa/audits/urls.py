from django.urls import path

from ehcpqa.audits import views

app_name = "audits"

urlpatterns = [
    path("rounds/", views.round_list, name="rounds"),
    path("rounds/new/", views.round_create, name="round-create"),
    path("rounds/<int:round_id>/", views.round_detail, name="round-detail"),
    path("rounds/<int:round_id>/status/", views.round_transition, name="round-transition"),
    path("mine/", views.my_audits, name="my-audits"),
    path("<int:audit_id>/", views.audit_overview, name="audit"),
    path("<int:audit_id>/sections/<str:section>/", views.audit_section, name="audit-section"),
    path("<int:audit_id>/submit/", views.audit_submit, name="audit-submit"),
    path("actions/", views.my_actions, name="my-actions"),
    path("actions/<int:action_id>/status/", views.action_update, name="action-update"),
    path("plans/<int:plan_id>/", views.plan_feedback, name="plan-feedback"),
    path("plans/<int:plan_id>/feedback.pdf", views.plan_feedback_pdf, name="plan-feedback-pdf"),
    path("plans/<int:plan_id>/reaudit/", views.plan_reaudit, name="plan-reaudit"),
    path("plans/<int:plan_id>/family-feedback/", views.parent_feedback_list, name="parent-feedback"),
    path("plans/<int:plan_id>/family-feedback/new/", views.parent_feedback_create, name="parent-feedback-create"),
    path("frameworks/", views.framework_list, name="frameworks"),
    path("frameworks/<int:framework_id>/", views.framework_detail, name="framework-detail"),
    path("frameworks/<int:framework_id>/copy/", views.framework_copy_view, name="framework-copy"),
    path("frameworks/<int:framework_id>/publish/", views.framework_publish_view, name="framework-publish"),
    path("frameworks/<int:framework_id>/criteria/<int:criterion_id>/", views.criterion_edit, name="criterion-edit"),
]
