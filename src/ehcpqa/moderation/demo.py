"""Demo moderation: a drawn sample in the demo round, some second markings, some resolved. Synthetic data only.

``seed_demo_moderation(local_authority)`` is safe to run again: a round that already has a sample is left alone.
"""

from __future__ import annotations

import random

from ehcpqa.accounts.models import LocalAuthority, Role, User
from ehcpqa.audits.models import Answer, AuditRound, AuditStatus, CriterionJudgement
from ehcpqa.audits.services import JudgementInput
from ehcpqa.moderation import services
from ehcpqa.moderation.models import ModerationSample

DEMO_SEED = 160
# How often the demo moderator answers a criterion differently from the first auditor.
DISAGREE_SHARE = 0.12
ANSWERS = [Answer.MET.value, Answer.PARTLY_MET.value, Answer.NOT_MET.value]


def seed_demo_moderation(local_authority: LocalAuthority) -> int:
    """Moderate the demo authority's first round with submitted audits. Returns the number of items created."""
    audit_round = (
        AuditRound.objects.filter(
            local_authority=local_authority, audits__status=AuditStatus.SUBMITTED, moderation_sample__isnull=True
        )
        .distinct()
        .order_by("pk")
        .first()
    )
    qa_lead = User.objects.filter(local_authority=local_authority, role_grants__role=Role.QA_LEAD).first()
    moderators = list(
        User.objects.filter(local_authority=local_authority, role_grants__role=Role.MODERATOR).distinct().order_by("pk")
    )
    if audit_round is None or qa_lead is None or not moderators:
        return 0
    if ModerationSample.objects.filter(round=audit_round, drawn_at__isnull=False).exists():
        return 0
    try:
        items = services.sample_draw(
            audit_round=audit_round, by=qa_lead, percent=10, moderators=moderators, seed=DEMO_SEED
        )
    except services.ModerationError:
        return 0  # e.g. the only moderator audited every sampled plan: leave moderation for the demo user to do
    rng = random.Random(DEMO_SEED)
    for index, item in enumerate(items):
        if index % 3 == 2:
            continue  # a third stay waiting for the moderator, so the demo has work to do
        first = dict(CriterionJudgement.objects.filter(audit=item.audit).values_list("criterion_id", "answer"))
        judgements = {}
        for criterion_id, answer in first.items():
            if answer in ANSWERS and rng.random() < DISAGREE_SHARE:
                answer = rng.choice([a for a in ANSWERS if a != answer])
            judgements[criterion_id] = JudgementInput(answer or Answer.MET.value, "")
        services.marking_save(marking=item.second_marking, by=item.moderator, judgements=judgements)
        services.marking_submit(marking=item.second_marking, by=item.moderator)
        item.second_marking.refresh_from_db()
        if index % 3 == 0 and item.second_marking.derived_score is not None:
            first_score = item.audit.final_score or item.second_marking.derived_score
            agreed = round((first_score + item.second_marking.derived_score) / 2)
            services.item_resolve(
                item=item,
                by=item.moderator,
                score=agreed,
                reason="Agreed in the moderation meeting after comparing the two markings.",
            )
    return len(items)
