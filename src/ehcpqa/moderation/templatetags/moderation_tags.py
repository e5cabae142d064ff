"""Formatting of agreement figures. An undefined statistic is said in words, never shown as 0."""

from __future__ import annotations

from django import template

from ehcpqa.audits.models import Answer, Grade

register = template.Library()

NOT_ENOUGH_VARIATION = "Not enough variation"


@register.filter
def stat(value: float | None) -> str:
    """Kappa, ICC, slopes: two decimal places, or why there is no figure."""
    return NOT_ENOUGH_VARIATION if value is None else f"{value:.2f}"


@register.filter
def percent(value: float | None) -> str:
    return "No data" if value is None else f"{value:.0%}"


@register.filter
def signed(value: float | None) -> str:
    """A difference in score points with its sign spelled out (minus sign, not a hyphen)."""
    if value is None:
        return "No data"
    if abs(value) < 0.005:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"\u2212{abs(value):.2f}"


@register.filter
def answer_label(value: str) -> str:
    return str(dict(Answer.choices).get(value, "No answer"))


@register.filter
def grade_label(value: str) -> str:
    return str(dict(Grade.choices).get(value, "Not graded"))
