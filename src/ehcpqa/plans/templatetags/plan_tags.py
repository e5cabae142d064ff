from __future__ import annotations

from django import template

from ehcpqa.plans.forms import year_group_label

register = template.Library()


@register.filter
def year_group(value: int | None) -> str:
    return "Not recorded" if value is None else year_group_label(value)
