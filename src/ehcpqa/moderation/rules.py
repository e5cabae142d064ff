"""Moderation status rules as data: the one table every status change of a moderation item goes through."""

from __future__ import annotations

from ehcpqa.audits.rules import InvalidTransition
from ehcpqa.audits.rules import next_status as _next_status
from ehcpqa.moderation.models import ItemStatus

__all__ = ["ITEM_TRANSITIONS", "InvalidTransition", "next_status"]

ITEM_TRANSITIONS: dict[ItemStatus, frozenset[ItemStatus]] = {
    ItemStatus.AWAITING_MARKING: frozenset({ItemStatus.MARKED}),  # the moderator submits the blind marking
    ItemStatus.MARKED: frozenset({ItemStatus.RESOLVED}),  # the moderator records the agreed result
    ItemStatus.RESOLVED: frozenset(),  # final: a later disagreement is a new flag in a later round
}


def next_status(current: ItemStatus, target: ItemStatus) -> ItemStatus:
    return _next_status(current, target, ITEM_TRANSITIONS)
