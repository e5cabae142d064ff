"""Criteria frameworks in the database: import from the engine's framework data, copy, publish.

A published framework version that an audit round uses is never edited: a change is a new version. Importing the
same version twice changes nothing (idempotent). An authority copies the national default into its own new
version, edits it while unpublished, then publishes it for use in rounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from ehcp_analysis.framework import Criterion as EngineCriterion
from ehcp_analysis.framework import load_framework
from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.audits.models import Criterion, Framework


class FrameworkLocked(Exception):
    """The framework is published or used by a round; make a new version instead."""


@dataclass(frozen=True)
class CriterionData:
    code: str
    section: str
    text: str
    guidance: str = ""
    good_example: str = ""
    poor_example: str = ""
    source: str = ""
    weight: Decimal = Decimal(1)
    automated_checks: tuple[str, ...] = ()


def criterion_data_from(criterion: EngineCriterion) -> CriterionData:
    """Our own shape of one criterion of the engine's framework."""
    return CriterionData(
        code=criterion.code,
        section=criterion.section,
        text=criterion.text,
        guidance=criterion.guidance.what_good_looks_like,
        good_example=criterion.guidance.good_example,
        poor_example=criterion.guidance.poor_example,
        source=criterion.source,
        weight=Decimal(criterion.weight),
        automated_checks=tuple(criterion.automated_checks),
    )


@transaction.atomic
def framework_import(
    *,
    slug: str,
    version: int,
    title: str,
    criteria: Iterable[CriterionData],
    section_weights: dict[str, int] | None = None,
    published: bool = True,
) -> tuple[Framework, bool]:
    """Create the national framework ``slug`` version ``version`` unless it exists. Returns (framework, created).

    An existing version is left exactly as it is: a published version may already be in use by audits.
    """
    existing = Framework.objects.filter(local_authority__isnull=True, slug=slug, version=version).first()
    if existing is not None:
        return existing, False
    framework = Framework.objects.create(
        slug=slug, version=version, title=title, published=published, section_weights=section_weights or {}
    )
    Criterion.objects.bulk_create(
        Criterion(
            framework=framework,
            position=i,
            code=c.code,
            section=c.section,
            text=c.text,
            guidance=c.guidance,
            good_example=c.good_example,
            poor_example=c.poor_example,
            source=c.source,
            weight=c.weight,
            automated=bool(c.automated_checks),
            automated_checks=list(c.automated_checks),
        )
        for i, c in enumerate(criteria)
    )
    return framework, True


def framework_import_default() -> tuple[Framework, bool]:
    """Import the engine's default framework (england-send version 1) as the national default."""
    loaded = load_framework()
    return framework_import(
        slug=loaded.id,
        version=int(loaded.version),
        title=loaded.title,
        criteria=[criterion_data_from(c) for c in loaded.criteria],
        section_weights=dict(loaded.section_weights),
    )


def framework_is_locked(framework: Framework) -> bool:
    return framework.published or framework.rounds.exists()


@transaction.atomic
def framework_copy(*, source: Framework, local_authority: LocalAuthority, by: User) -> Framework:
    """Copy ``source`` into a new, unpublished version owned by ``local_authority``."""
    latest = Framework.objects.filter(local_authority=local_authority, slug=source.slug).aggregate(v=Max("version"))
    version = max(latest["v"] or 0, source.version) + 1
    copy = Framework.objects.create(
        local_authority=local_authority,
        slug=source.slug,
        version=version,
        title=source.title,
        published=False,
        section_weights=source.section_weights,
        based_on=source,
    )
    Criterion.objects.bulk_create(
        Criterion(
            framework=copy,
            position=c.position,
            code=c.code,
            section=c.section,
            text=c.text,
            guidance=c.guidance,
            good_example=c.good_example,
            poor_example=c.poor_example,
            source=c.source,
            weight=c.weight,
            automated=c.automated,
            automated_checks=c.automated_checks,
        )
        for c in source.criteria.all()
    )
    record_activity(
        actor=by, local_authority=local_authority, verb="framework.copied", target=copy, detail={"from": source.pk}
    )
    return copy


@transaction.atomic
def criterion_update(*, criterion: Criterion, by: User, text: str, guidance: str, weight: Decimal) -> Criterion:
    framework = Framework.objects.select_for_update().get(pk=criterion.framework_id)
    if framework_is_locked(framework) or framework.local_authority_id is None:
        raise FrameworkLocked("This framework version is in use or national: copy it into a new version to change it.")
    criterion.text = text
    criterion.guidance = guidance
    criterion.weight = weight
    criterion.save(update_fields=["text", "guidance", "weight"])
    record_activity(
        actor=by,
        local_authority=by.local_authority,
        verb="criterion.updated",
        target=criterion,
        detail={"fields": ["text", "guidance", "weight"]},
    )
    return criterion


@transaction.atomic
def framework_publish(*, framework: Framework, by: User) -> Framework:
    if framework.local_authority_id != by.local_authority_id:
        raise FrameworkLocked("Only an authority's own copy can be published by it.")
    framework.published = True
    framework.save(update_fields=["published"])
    record_activity(actor=by, local_authority=by.local_authority, verb="framework.published", target=framework)
    return framework
