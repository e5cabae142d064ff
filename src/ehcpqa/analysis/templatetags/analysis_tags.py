from __future__ import annotations

from django import template

from ehcpqa.analysis.selectors import grade_label as _grade_label

register = template.Library()

GRADE_TAGS = {
    "outstanding": "govuk-tag--green",
    "good": "govuk-tag--blue",
    "requires-improvement": "govuk-tag--yellow",
    "inadequate": "govuk-tag--red",
}


@register.filter
def grade_label(grade: str | None) -> str:
    return _grade_label(grade)


@register.filter
def grade_tag(grade: str | None) -> str:
    return GRADE_TAGS.get(grade or "", "govuk-tag--grey")


@register.filter
def severity_label(severity: str) -> str:
    return {"red": "Red: likely unlawful or unenforceable", "amber": "Amber: quality weakness"}.get(severity, severity)
