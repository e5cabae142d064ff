"""Plan register views: fetch through access checks, bind a form, call one service, render or redirect."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ehcpqa.accounts.access import require_role, signed_in_user
from ehcpqa.accounts.models import Role
from ehcpqa.analysis.selectors import Masker, document_view, masker_for
from ehcpqa.plans import selectors, services, uploads
from ehcpqa.plans.csv_import import COLUMNS, CsvFileError
from ehcpqa.plans.forms import CsvUploadForm, DocumentUploadForm, PlanFilterForm, ZipUploadForm, year_group_label
from ehcpqa.plans.models import ImportStatus
from ehcpqa.plans.uploads import UploadRefused, human_size

PAGE_SIZE = 50
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain; charset=utf-8",
}


def _bound(request: HttpRequest) -> dict[str, Any]:
    """Form data for a POST even when it is empty (a refused upload may leave nothing but the file's absence)."""
    return {"data": request.POST, "files": request.FILES} if request.method == "POST" else {}


def _too_large(request: HttpRequest, form: CsvUploadForm | DocumentUploadForm | ZipUploadForm, limit: int) -> bool:
    if uploads.upload_refused_as_too_large(request):
        form.is_valid()  # the file never arrived: replace "this field is required" with the real reason
        form.errors.pop("file", None)
        form.add_error("file", f"The file is larger than the limit of {human_size(limit)}.")
        return True
    return False


def plan_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, *selectors.REGISTER_USERS)
    form = PlanFilterForm(request.GET or None, user=user)
    plans = selectors.plan_register(user, form.filters())
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    # Annotated per page, not on the whole register (see register_rows).
    page.object_list = selectors.register_rows(plans[(page.number - 1) * PAGE_SIZE : page.number * PAGE_SIZE])
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/plan_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(form.is_bound and form.has_changed()),
            "is_qa_lead": user.has_role(Role.QA_LEAD),
            "year_group_label": year_group_label,
        },
    )


def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = selectors.get_readable_plan(user, plan_id)
    versions = selectors.plan_versions(plan)
    latest = versions[0] if versions else None
    identity = selectors.can_see_identity(user, plan)
    context: dict[str, object] = {
        "plan": plan,
        "versions": versions,
        "latest": latest,
        "show_identity": identity,
        "can_change": selectors.can_change_plan(user, plan),
    }
    if latest is not None and latest.run is not None and latest.run.status == "done":
        mask: Masker | None = None if identity else masker_for(plan, latest.run)
        context["document"] = document_view(latest.run, mask=mask)
        services.plan_version_opened(user=user, version=latest.version, verb="plan_version.viewed")
    return render(request, "plans/plan_detail.html", context)


@require_http_methods(["GET", "POST"])
@uploads.size_capped_upload(lambda: settings.MAX_UPLOAD_BYTES)
def upload_document(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = selectors.get_readable_plan(user, plan_id)
    if not selectors.can_change_plan(user, plan):
        raise PermissionDenied("Only the QA lead or the plan's case officer can add a document.")
    form = DocumentUploadForm(**_bound(request))
    status = 200
    if request.method == "POST":
        status = 400
        if _too_large(request, form, settings.MAX_UPLOAD_BYTES):
            status = 413
        elif form.is_valid():
            try:
                version = services.plan_version_upload(user=user, plan=plan, upload=form.cleaned_data["file"])
            except UploadRefused as exc:
                form.add_error("file", str(exc))
            else:
                messages.success(request, f"Version {version.number} uploaded. The automated pre-audit has started.")
                return redirect("plans:detail", plan_id=plan.pk)
    return render(
        request,
        "plans/upload_document.html",
        {
            "form": form,
            "plan": plan,
            "limit": human_size(settings.MAX_UPLOAD_BYTES),
        },
        status=status,
    )


def download_version(request: HttpRequest, version_id: int) -> FileResponse:
    user = signed_in_user(request)
    version = selectors.get_readable_version(user, version_id)
    if not selectors.can_see_identity(user, version.plan):
        raise PermissionDenied("The original document shows the child's identity.")
    services.plan_version_opened(user=user, version=version, verb="plan_version.downloaded")
    # The download name is built from the reference: the uploaded name may contain the child's name.
    filename = f"{version.plan.reference}-v{version.number}.{version.format or 'bin'}"
    response = FileResponse(
        version.document.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES.get(version.format, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@uploads.size_capped_upload(uploads.max_csv_bytes)
def import_upload(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    form = CsvUploadForm(**_bound(request))
    preview = None
    status = 200
    if request.method == "POST":
        status = 400
        if _too_large(request, form, uploads.max_csv_bytes()):
            status = 413
        elif form.is_valid():
            try:
                plan_import, preview = services.plan_import_upload(user=user, upload=form.cleaned_data["file"])
            except (UploadRefused, CsvFileError) as exc:
                form.add_error("file", str(exc))
            else:
                if plan_import is not None:
                    return redirect("plans:import-preview", import_id=plan_import.pk)
    return render(
        request,
        "plans/import_upload.html",
        {
            "form": form,
            "preview": preview,
            "columns": COLUMNS,
            "limit": human_size(uploads.max_csv_bytes()),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, import_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan_import = selectors.get_plan_import(user, import_id)
    if plan_import.status != ImportStatus.PREVIEWED:
        return render(request, "plans/import_done.html", {"plan_import": plan_import})
    if request.method == "POST":
        if request.POST.get("action") == "discard":
            services.plan_import_discard(user=user, plan_import=plan_import)
            messages.success(request, "The import was discarded. Nothing was changed.")
            return redirect("plans:import")
        try:
            plan_import = services.plan_import_confirm(user=user, plan_import=plan_import)
        except services.ImportInvalid:
            pass  # the register or the case officers changed since the preview: show the errors below
        except CsvFileError as exc:
            messages.error(request, str(exc))
            return redirect("plans:list")
        else:
            messages.success(
                request,
                f"Import complete: {plan_import.created_count} plans created and {plan_import.updated_count} updated.",
            )
            return redirect("plans:list")
    preview = services.plan_import_preview(user=user, plan_import=plan_import)
    return render(
        request,
        "plans/import_preview.html",
        {"plan_import": plan_import, "preview": preview},
        status=200 if preview.parsed.ok else 400,
    )


@require_http_methods(["GET", "POST"])
@uploads.size_capped_upload(lambda: settings.MAX_UPLOAD_BYTES)
def upload_zip(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    form = ZipUploadForm(**_bound(request))
    status = 200
    if request.method == "POST":
        status = 400
        if _too_large(request, form, settings.MAX_UPLOAD_BYTES):
            status = 413
        elif form.is_valid():
            try:
                batch = services.plan_documents_zip_upload(user=user, upload=form.cleaned_data["file"])
            except UploadRefused as exc:
                form.add_error("file", str(exc))
            else:
                return redirect("plans:batch", batch_id=batch.pk)
    return render(
        request,
        "plans/upload_zip.html",
        {
            "form": form,
            "limit": human_size(settings.MAX_UPLOAD_BYTES),
            "expanded_limit": human_size(settings.MAX_ZIP_EXPANDED_BYTES),
            "max_files": uploads.max_zip_members(),
        },
        status=status,
    )


def batch_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    user = signed_in_user(request)
    batch = selectors.get_upload_batch(user, batch_id)
    progress = selectors.batch_progress(batch)
    context = {"batch": batch, "progress": progress}
    if getattr(request, "htmx", False):
        # 286 tells htmx to stop polling once everything is analysed.
        return render(request, "plans/_batch_progress.html", context, status=286 if progress.finished else 200)
    context["versions"] = selectors.batch_versions(batch)
    return render(request, "plans/batch_detail.html", context)


@require_POST
def rerun_analysis(request: HttpRequest, version_id: int) -> HttpResponse:
    from ehcpqa.analysis.services import analysis_rerun

    user = signed_in_user(request)
    version = selectors.get_readable_version(user, version_id)
    if not selectors.can_change_plan(user, version.plan):
        raise PermissionDenied("Only the QA lead or the plan's case officer can re-run the pre-audit.")
    analysis_rerun(version=version, actor=user)
    messages.success(
        request, f"The automated pre-audit of version {version.number} will run again. The earlier result is kept."
    )
    return redirect("plans:detail", plan_id=version.plan_id)
