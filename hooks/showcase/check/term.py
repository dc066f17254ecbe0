"""Checks between a profile's term, its publication month and its after-term facts.

Whether a term has ended is what the record states, never the build date: ``term.end`` is an ended term unless
``term.end_planned: true`` says it is a plan.  A term cannot have ended after the record was published, and only
an ended term has an "after".

The rules are data (:data:`TERM_RULES`), because JSON Schema cannot say them and the contribute form must apply
the same ones with the same messages: ``showcase.render.contribute`` hands this list to the form's script, which
reads it as :func:`broken_rules` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from showcase.check.problems import Problem
from showcase.content.schema import ProfileRecord
from showcase.load.reader import Document


@dataclass(frozen=True)
class TermRule:
    """Applies when every ``when`` key path has a value (true, a date, an object) and no ``unless`` path has one;
    then it is broken when a ``needs`` path is empty, a ``forbids`` path has a value, or the value at ``at`` is
    later than the one at ``not_after``.  Messages may say ``{value}`` (at ``at``) and ``{limit}`` (at ``not_after``)."""

    at: str
    when: tuple[str, ...]
    ja: str
    en: str
    hint_ja: str
    hint_en: str
    unless: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    not_after: str = ""
    key: bool = False  # report at the key's line (a whole block) rather than its value


TERM_RULES: tuple[TermRule, ...] = (
    TermRule("term.end_planned", when=("term.end_planned",), needs=("term.end",),
             ja="任期終了が予定か（end_planned）は、任期終了（end）を書いたときだけ使えます", en="end_planned needs an end",
             hint_ja="end: \"YYYY-MM\" を書くか、end_planned を削除してください", hint_en="add end: \"YYYY-MM\" or delete end_planned"),
    TermRule("term.end", when=("term.end",), unless=("term.end_planned",), not_after="published",
             ja="任期終了（end）の {value} が掲載年月（published）の {limit} より後です",
             en="the term ends ({value}) after the record was published ({limit})",
             hint_ja="まだ予定なら term に「end_planned: true」を書いてください",
             hint_en="if the end is still a plan, add 'end_planned: true' under term"),
    TermRule("after_term", when=("after_term",), needs=("term.end",), forbids=("term.end_planned",), key=True,
             ja="任期後（after_term）は任期を終えた隊員だけが書けます", en="after_term is only for members whose term has ended",
             hint_ja="term.end に任期終了の年月を書き、end_planned を削除してください", hint_en="give term.end and delete end_planned"),
)


def _value(record: Any, path: str) -> Any:
    for key in path.split("."):
        record = getattr(record, key, None)
    return record


def broken_rules(record: Any, rules: tuple[TermRule, ...] = TERM_RULES) -> list[tuple[TermRule, dict[str, Any]]]:
    """The rules ``record`` breaks, each with the values its message names."""
    broken = []
    for rule in rules:
        if not all(_value(record, p) for p in rule.when) or any(_value(record, p) for p in rule.unless):
            continue
        value, limit = _value(record, rule.at), _value(record, rule.not_after) if rule.not_after else None
        if (any(not _value(record, p) for p in rule.needs) or any(_value(record, p) for p in rule.forbids)
                or (limit is not None and value is not None and value > limit)):
            broken.append((rule, {"value": value, "limit": limit}))
    return broken


def check_term(doc: Document, record: ProfileRecord) -> list[Problem]:
    return [doc.problem(tuple(rule.at.split(".")), rule.ja.format(**values), rule.en.format(**values),
                        rule.hint_ja, rule.hint_en, key=rule.key)
            for rule, values in broken_rules(record)]


__all__ = ["TERM_RULES", "TermRule", "broken_rules", "check_term"]
