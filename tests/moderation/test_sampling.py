"""The moderation sample and the choice of moderator: pure functions, no database."""

from __future__ import annotations

import pytest

from ehcpqa.moderation.sampling import (
    AuditToModerate,
    NoEligibleModerator,
    SubmittedAudit,
    assign_moderators,
    stratified_sample,
)


def audits(counts: dict[int, int]) -> list[SubmittedAudit]:
    """``counts``: auditor id -> number of submitted audits; audit ids are auditor x 100 + n."""
    return [SubmittedAudit(auditor * 100 + n, auditor) for auditor, count in counts.items() for n in range(count)]


def test_every_auditor_is_sampled_even_with_one_audit() -> None:
    # 10% of 30 -> 3 for auditor 1; 10% of 1 rounds up to 1 for auditor 2.
    chosen = stratified_sample(audits({1: 30, 2: 1}), percent=10, seed=7)
    assert len([a for a in chosen if a // 100 == 1]) == 3
    assert [a for a in chosen if a // 100 == 2] == [200]


def test_each_share_is_rounded_up() -> None:
    # 10% of 11 = 1.1 -> 2;  10% of 20 = 2
    chosen = stratified_sample(audits({1: 11, 2: 20}), percent=10, seed=1)
    assert (sum(1 for a in chosen if a // 100 == 1), sum(1 for a in chosen if a // 100 == 2)) == (2, 2)


def test_the_same_seed_draws_the_same_sample_and_another_seed_may_not() -> None:
    pool = audits({1: 50, 2: 50})
    assert stratified_sample(pool, percent=10, seed=3) == stratified_sample(list(reversed(pool)), percent=10, seed=3)
    assert any(
        stratified_sample(pool, percent=10, seed=s) != stratified_sample(pool, percent=10, seed=3) for s in range(4, 10)
    )


def test_nothing_to_sample() -> None:
    assert stratified_sample([], percent=10, seed=1) == []
    assert stratified_sample(audits({1: 5}), percent=0, seed=1) == []
    assert len(stratified_sample(audits({1: 5}), percent=100, seed=1)) == 5


def test_moderators_are_balanced_and_never_moderate_their_own_audit() -> None:
    items = [
        AuditToModerate(1, frozenset({10})),
        AuditToModerate(2, frozenset({11})),
        AuditToModerate(3, frozenset({10})),
        AuditToModerate(4, frozenset()),
    ]
    result = assign_moderators(items, [10, 11])
    assert result[1] == 11 and result[2] == 10
    assert sorted(result.values()).count(10) == 2 and sorted(result.values()).count(11) == 2


def test_existing_load_counts() -> None:
    assert assign_moderators([AuditToModerate(1, frozenset())], [10, 11], existing_load={10: 3}) == {1: 11}


def test_an_audit_nobody_may_moderate_is_refused() -> None:
    with pytest.raises(NoEligibleModerator):
        assign_moderators([AuditToModerate(1, frozenset({10}))], [10])
