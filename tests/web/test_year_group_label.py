from __future__ import annotations

import pytest

from ehcpqa.plans.forms import year_group_label


@pytest.mark.parametrize(
    ("year", "label"),
    [
        (-3, "Early years"),
        (-2, "Nursery 1"),
        (-1, "Nursery 2"),
        (0, "Reception"),
        (9, "Year 9"),
        (13, "Year 13"),
        (14, "Year 14 (beyond Year 13)"),
        (20, "Year 20 (beyond Year 13)"),
    ],
)
def test_year_groups_read_as_people_say_them(year: int, label: str) -> None:
    assert year_group_label(year) == label
