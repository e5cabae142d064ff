"""Short plain-English commentary for the board pack, written from the figures alone.

Every sentence is built from numbers the pack also shows; with suppression on, counts from 1 to 4 read
"fewer than 5" and shares worked out from fewer than 5 are left out.
"""

from __future__ import annotations

from ehcpqa.audits.models import Grade
from ehcpqa.reporting import selectors as s
from ehcpqa.reporting.tables import SUPPRESS_BELOW


def _n(value: int, suppressed: bool) -> str:
    if suppressed and 0 < value < SUPPRESS_BELOW:
        return "fewer than 5"
    return f"{value:,}"


def _share(part: int, whole: int, suppressed: bool) -> str | None:
    if not whole or (suppressed and whole < SUPPRESS_BELOW):
        return None
    return f"{round(100 * part / whole)}%"


def commentary(
    *,
    grades: s.GradeSummary,
    sections: list[s.WeaknessRow],
    criteria: list[s.WeaknessRow],
    trends: list[s.RoundRow],
    actions: s.ActionSummary,
    machine: s.MachineSummary,
    suppressed: bool,
) -> list[str]:
    lines: list[str] = []
    if grades.total:
        good = grades.count(Grade.OUTSTANDING) + grades.count(Grade.GOOD)
        share = _share(good, grades.total, suppressed)
        text = f"{_n(grades.total, suppressed)} audits were submitted."
        if share is not None:
            text += f" {share} of them graded the plan Good or Outstanding"
            text += f", and the mean score was {grades.mean_score} out of 10." if grades.mean_score else "."
        weak = grades.count(Grade.INADEQUATE)
        if weak:
            text += f" {_n(weak, suppressed)} {'was' if weak == 1 and not suppressed else 'were'} graded Inadequate."
        lines.append(text)
    else:
        lines.append("No audits have been submitted for this selection yet.")
    judged = [r for r in sections if r.answered >= (SUPPRESS_BELOW if suppressed else 1)]
    if judged:
        worst = max(judged, key=lambda r: r.percent_weak or 0)
        lines.append(
            f"The weakest section was {worst.section}: {round(worst.percent_weak or 0)}% of judgements "
            "there were partly met or not met."
        )
    judged_criteria = [r for r in criteria if r.answered >= (SUPPRESS_BELOW if suppressed else 1)]
    if judged_criteria:
        worst_c = max(judged_criteria, key=lambda r: r.percent_weak or 0)
        lines.append(
            f"The criterion most often not fully met was {worst_c.criterion} ({worst_c.text[:80]}), "
            f"in {round(worst_c.percent_weak or 0)}% of audits that judged it."
        )
    if len(trends) >= 2:
        before, after = trends[-2], trends[-1]
        b = _share(before.counts[Grade.OUTSTANDING] + before.counts[Grade.GOOD], before.total, suppressed)
        a = _share(after.counts[Grade.OUTSTANDING] + after.counts[Grade.GOOD], after.total, suppressed)
        if a is not None and b is not None:
            direction = "rose" if int(a[:-1]) > int(b[:-1]) else "fell" if int(a[:-1]) < int(b[:-1]) else "held"
            verb = f"{direction} from {b} to {a}" if direction != "held" else f"held at {a}"
            lines.append(f"Between {before.name} and {after.name} the share graded Good or better {verb}.")
    if actions.total:
        lines.append(
            f"{_n(actions.open, suppressed)} actions are open, of which {_n(actions.overdue, suppressed)} "
            "are past their due date."
        )
    if machine.plans_held:
        share = _share(machine.with_red, machine.analysed, suppressed)
        text = (
            f"The automated pre-audit has read {_n(machine.analysed, suppressed)} of the "
            f"{_n(machine.plans_held, suppressed)} plans held"
        )
        text += f"; {share} of those have at least one red finding." if share else "."
        lines.append(text + " These are machine suggestions, not human judgements.")
    return lines
