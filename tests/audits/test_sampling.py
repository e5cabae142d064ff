from __future__ import annotations

from collections import Counter

import pytest

from ehcpqa.audits.sampling import AssignmentError, PlanToAssign, assign_balanced, random_sample


def test_random_sample_is_reproducible_with_the_same_seed() -> None:
    ids = range(1, 201)
    assert random_sample(ids, percent=10, seed=42) == random_sample(list(reversed(ids)), percent=10, seed=42)


def test_random_sample_differs_with_another_seed() -> None:
    assert random_sample(range(1, 201), percent=10, seed=1) != random_sample(range(1, 201), percent=10, seed=2)


@pytest.mark.parametrize(("count", "percent", "size"), [(200, 10, 20), (7, 10, 1), (5, 100, 5), (0, 50, 0), (3, 0, 0)])
def test_random_sample_size_rounds_up(count: int, percent: int, size: int) -> None:
    sample = random_sample(range(count), percent=percent, seed=3)
    assert len(sample) == size
    assert set(sample) <= set(range(count))


def test_assignment_is_balanced_and_never_to_the_case_officer() -> None:
    plans = [PlanToAssign(i, case_officer_id=10 if i % 3 == 0 else None) for i in range(1, 31)]
    result = assign_balanced(plans, [10, 11, 12])
    assert all(result[p.plan_id] != p.case_officer_id for p in plans)
    loads = Counter(result.values())
    assert max(loads.values()) - min(loads.values()) <= 1
    assert sum(loads.values()) == 30


def test_assignment_takes_existing_work_into_account() -> None:
    plans = [PlanToAssign(i, None) for i in range(4)]
    result = assign_balanced(plans, [1, 2], existing_load={1: 4})
    assert Counter(result.values()) == {2: 4}


def test_a_plan_whose_only_auditor_wrote_it_cannot_be_assigned() -> None:
    with pytest.raises(AssignmentError):
        assign_balanced([PlanToAssign(1, case_officer_id=5)], [5])
