"""Set up the demo authority: one account per role, a few hundred synthetic plans, analysed and partly audited.

Safe to run again: accounts are updated in place, plans are matched by reference, nothing is duplicated, and only
documents without a finished analysis are analysed. Synthetic data only, from ehcp_analysis.synth.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import Agency, LocalAuthority, Role, RoleGrant, User
from ehcpqa.analysis.engine import analyse_file
from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.analysis.services import analysis_run_record
from ehcpqa.plans.models import Plan, PlanStatus, PlanVersion, PrimaryNeed
from ehcpqa.plans.services import plan_version_upload

DEMO_AUTHORITY = "Demo Borough Council"
DEMO_SLUG = "demo-borough"
# The one shared password of the demo accounts. Set only here; documented in docs/demo.md.
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - a published demo password, for synthetic data only

DEMO_ACCOUNTS: tuple[tuple[str, str, tuple[Role, ...], str], ...] = (
    ("qa.lead", "Jordan Ellis (QA lead)", (Role.QA_LEAD,), ""),
    ("auditor.education", "Priya Shah (education auditor)", (Role.AUDITOR,), Agency.EDUCATION),
    ("auditor.health", "Tom Okafor (health auditor)", (Role.AUDITOR,), Agency.HEALTH),
    ("auditor.social", "Grace Lindqvist (social care auditor)", (Role.AUDITOR,), Agency.SOCIAL_CARE),
    # Only a moderator, so every audit in the demo round can be second-marked by someone who did not do it.
    ("moderator", "Sam Whitford (moderator)", (Role.MODERATOR,), Agency.INDEPENDENT),
    ("case.officer", "Alex Morgan (case officer)", (Role.CASE_OFFICER,), ""),
    ("board.viewer", "Chris Adeyemi (board member)", (Role.BOARD_VIEWER,), ""),
)
PDF_EVERY = 6  # one plan in six is uploaded as a PDF, the rest as Word documents
CORPUS_SEED = 2026


class Command(BaseCommand):
    help = "Create or refresh the demo authority with accounts for every role and analysed synthetic plans."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plans", type=int, default=300, help="How many synthetic plans (default 300).")
        parser.add_argument("--skip-audits", action="store_true", help="Do not seed audits, even if available.")

    def handle(self, *args: Any, **options: Any) -> None:
        count = int(options["plans"])
        if count < 0:
            raise ValueError("--plans cannot be negative")
        started = time.monotonic()
        la, _ = LocalAuthority.objects.get_or_create(slug=DEMO_SLUG, defaults={"name": DEMO_AUTHORITY})
        accounts = self._accounts(la)
        have = Plan.objects.filter(local_authority=la).count()
        if have < count:
            self._add_plans(la, accounts, count)
        analysed = self._analyse_pending(la)
        self.stdout.write(
            f"Plans in {la.name}: {Plan.objects.filter(local_authority=la).count()}; analysed now: {analysed}."
        )
        if not options["skip_audits"]:
            self._seed_audits(la)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready in {time.monotonic() - started:.1f} s. Sign in as qa.lead (or any account in docs/demo.md) "
                f"with the demo password."
            )
        )

    def _accounts(self, la: LocalAuthority) -> dict[str, User]:
        accounts: dict[str, User] = {}
        for username, display_name, roles, agency in DEMO_ACCOUNTS:
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={
                    "local_authority": la,
                    "display_name": display_name,
                    "agency": agency,
                    "email": f"{username}@demo-borough.example",
                    "is_active": True,
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            for role in roles:
                RoleGrant.objects.get_or_create(user=user, role=role)
            accounts[username] = user
        return accounts

    def _case_officers(self, la: LocalAuthority, names: list[str], demo_officer: User) -> dict[str, User]:
        """The synthetic plans name their case officers; the most frequent becomes the demo account."""
        officers: dict[str, User] = {}
        for rank, (name, _) in enumerate(Counter(n for n in names if n).most_common()):
            if rank == 0:
                officers[name] = demo_officer
                continue
            user, created = User.objects.get_or_create(
                username=f"co.{slugify(name)}"[:150],
                defaults={"local_authority": la, "display_name": name},
            )
            if created:
                user.set_unusable_password()  # colleagues in the data, not demo sign-ins
                user.save(update_fields=["password"])
            RoleGrant.objects.get_or_create(user=user, role=Role.CASE_OFFICER)
            officers[name] = user
        return officers

    def _add_plans(self, la: LocalAuthority, accounts: dict[str, User], count: int) -> None:
        from ehcp_analysis.synth.corpus import generate_corpus

        t0 = time.monotonic()
        base = Path(settings.DATA_DIR) / "tmp"
        base.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="demo-corpus-", dir=base))
        try:
            # Most plans carry defects, as independent reviews find (a majority graded below Good).
            labels_path = generate_corpus(
                count=count,
                out_dir=folder,
                formats=("docx", "pdf"),
                seed=CORPUS_SEED,
                as_of=timezone.localdate(),
                defect_rate=0.75,
                workers=1,
            )
            entries = json.loads(labels_path.read_text(encoding="utf-8"))["plans"]
            self.stdout.write(f"Generated {len(entries)} synthetic plans in {time.monotonic() - t0:.1f} s.")
            officers = self._case_officers(
                la, [e["metadata"].get("case_officer") or "" for e in entries], accounts["case.officer"]
            )
            existing = set(Plan.objects.filter(local_authority=la).values_list("reference", flat=True))
            added = 0
            for index, entry in enumerate(entries):
                meta = entry["metadata"]
                reference = meta.get("reference") or entry["id"]
                if reference in existing:
                    continue
                fmt = "pdf" if index % PDF_EVERY == PDF_EVERY - 1 and "pdf" in entry["files"] else "docx"
                with transaction.atomic():
                    plan = Plan.objects.create(
                        local_authority=la,
                        reference=reference,
                        case_officer=officers.get(meta.get("case_officer") or ""),
                        **plan_fields(meta),
                    )
                    record_activity(
                        actor=None, local_authority=la, verb="plan.created", target=plan, detail={"seed": "demo"}
                    )
                    plan_version_upload(
                        user=accounts["qa.lead"], plan=plan, upload=folder / entry["files"][fmt], queue_analysis=False
                    )
                added += 1
            self.stdout.write(f"Imported {added} plans with their documents in {time.monotonic() - t0:.1f} s.")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _analyse_pending(self, la: LocalAuthority) -> int:
        """Analyse, in this process, every demo document that has no finished run yet."""
        t0 = time.monotonic()
        finished = AnalysisRun.objects.filter(status__in=[RunStatus.DONE, RunStatus.FAILED]).values("version_id")
        pending = PlanVersion.objects.filter(plan__local_authority=la).exclude(pk__in=finished)
        today = timezone.localdate()
        done = 0
        for version in pending.iterator():
            outcome = analyse_file(Path(version.document.path), as_of=today)
            analysis_run_record(version=version, outcome=outcome)
            done += 1
        if done:
            self.stdout.write(f"Analysed {done} documents in {time.monotonic() - t0:.1f} s.")
        return done

    def _seed_audits(self, la: LocalAuthority) -> None:
        # The demo orchestrates every app, so it imports them here rather than the plans app depending on them.
        from ehcpqa.audits.demo import seed_demo_audits
        from ehcpqa.moderation.demo import seed_demo_moderation
        from ehcpqa.timeliness.demo import seed_demo_timeliness

        t0 = time.monotonic()
        seed_demo_audits(la)
        self.stdout.write(f"Seeded audits in {time.monotonic() - t0:.1f} s.")
        t0 = time.monotonic()
        moderated = seed_demo_moderation(la)
        self.stdout.write(f"Seeded {moderated} moderation items in {time.monotonic() - t0:.1f} s.")
        t0 = time.monotonic()
        children = seed_demo_timeliness(la)
        self.stdout.write(f"Seeded case histories of {children} children in {time.monotonic() - t0:.1f} s.")


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def plan_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Plan register fields from the synthetic plan's metadata."""
    issued = _date(meta.get("plan_date"))
    status = str(meta.get("plan_status") or "final")
    need = str(meta.get("primary_need") or "")
    return {
        "child_name": str(meta.get("child_name") or "")[:200],
        "date_of_birth": _date(meta.get("date_of_birth")),
        "year_group": meta.get("year_group") if isinstance(meta.get("year_group"), int) else None,
        "primary_need": need if need in PrimaryNeed.values else "",
        "setting": str(meta.get("setting") or "")[:200],
        "setting_type": str(meta.get("setting_type") or "")[:100],
        "looked_after": bool(meta.get("looked_after")),
        "status": status if status in PlanStatus.values else PlanStatus.FINAL,
        # The synthetic plans carry no request date: about 18 weeks before issue is typical.
        "request_date": issued - timedelta(weeks=18) if issued else None,
        "issued_date": issued,
        "last_review_date": _date(meta.get("last_review_date")),
        "team": str(meta.get("team") or "")[:100],
    }
