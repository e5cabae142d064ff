from django.urls import path

from ehcpqa.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plans/", views.plans, name="plans"),
    path("export/", views.export, name="export"),
    path("board-pack/", views.board_pack, name="board-pack"),
    path("public/<slug:slug>/", views.key_figures, name="key-figures"),
]
