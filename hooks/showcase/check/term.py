"""Checks between a profile's term, its publication month and its after-term facts.

Whether a term has ended is what the record states, never the build date: ``term.end`` is an ended term unless
``term.end_planned: true`` says it is a plan.  A term cannot have ended after the record was published, and only
an ended term has an "after".
"""

from __future__ import annotations

from showcase.check.problems import Problem
from showcase.content.schema import ProfileRecord
from showcase.load.reader import Document

def check_term(doc: Document, record: ProfileRecord) -> list[Problem]:
    term, problems = record.term, []
    if term.end_planned and term.end is None:
        problems.append(doc.problem(("term", "end_planned"), "任期終了が予定か（end_planned）は、任期終了（end）を書いたときだけ使えます",
                                    "end_planned needs an end", "end: \"YYYY-MM\" を書くか、end_planned を削除してください",
                                    "add end: \"YYYY-MM\" or delete end_planned"))
    if term.end is not None and not term.end_planned and term.end > record.published:
        problems.append(doc.problem(("term", "end"), f"任期終了（end）の {term.end} が掲載年月（published）の {record.published} より後です",
                                    f"the term ends ({term.end}) after the record was published ({record.published})",
                                    "まだ予定なら term に「end_planned: true」を書いてください",
                                    "if the end is still a plan, add 'end_planned: true' under term"))
    if record.after_term is not None and (term.end is None or term.end_planned):
        problems.append(doc.problem(("after_term",), "任期後（after_term）は任期を終えた隊員だけが書けます",
                                    "after_term is only for members whose term has ended",
                                    "term.end に任期終了の年月を書き、end_planned を削除してください",
                                    "give term.end and delete end_planned", key=True))
    return problems


__all__ = ["check_term"]
