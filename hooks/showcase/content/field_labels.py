"""Japanese labels of record fields, read from the models' ``Field(title=…)``: defined once, used by every message.

Messages name a field as CONTRIBUTING does, 「名前（name）」, while the position
prefix keeps the key path (``name:``); the same titles are the JSON Schema's
``title`` that editors show.  A key written as its Japanese label (``名前:``) is
mapped back to its key.
"""

from __future__ import annotations

import typing
import unicodedata
from typing import Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo

Loc = tuple  # (str | int, ...), as in pydantic errors and Document marks


def models_in(annotation: object) -> list[type[BaseModel]]:
    """The models inside an annotation: ``Optional[Term]``, ``list[Activity]``, ``Consent`` …"""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in models_in(arg)]


def model_at(model: type[BaseModel] | None, loc: Loc) -> type[BaseModel] | None:
    """The model whose fields are the keys at ``loc`` (list indexes skipped), or None."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part) if model else None
        inner = models_in(info.annotation) if info else []
        model = inner[0] if inner else None
    return model


def field_at(model: type[BaseModel], loc: Loc) -> tuple[str, FieldInfo] | None:
    """The key and field that ``loc`` names (its last key; a trailing list index names the list)."""
    keys = [i for i, part in enumerate(loc) if isinstance(part, str)]
    if not keys:
        return None
    last = keys[-1]
    parent = model_at(model, loc[:last])
    info = parent.model_fields.get(loc[last]) if parent else None
    return (loc[last], info) if info is not None else None


def labelled(model: type[BaseModel], loc: Loc) -> str:
    """「名前（name）」 without the brackets: the label and key of the field at ``loc``, or ``""``."""
    found = field_at(model, loc)
    if found is None or not found[1].title:
        return ""
    return f"{found[1].title}（{found[0]}）"


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def key_for_label(model: type[BaseModel], loc: Loc) -> str | None:
    """The key of the field whose Japanese label is the unknown key at ``loc`` (``名前`` → ``name``)."""
    parent = model_at(model, loc[:-1])
    if parent is None or not isinstance(loc[-1], str):
        return None
    wanted = _folded(loc[-1])
    for name, info in parent.model_fields.items():
        if info.title and _folded(info.title) == wanted:
            return name
    return None


def field_paths(model: type[BaseModel], prefix: Loc = ()) -> Iterator[tuple[Loc, FieldInfo]]:
    """Every field of a model and of the models inside it, depth first; list items get index 0."""
    for name, info in model.model_fields.items():
        loc = prefix + (name,)
        yield loc, info
        origin = typing.get_origin(info.annotation)
        args = [a for a in typing.get_args(info.annotation) if a is not type(None)]
        is_list = origin is list or any(typing.get_origin(a) is list for a in args)
        for inner in models_in(info.annotation)[:1]:
            yield from field_paths(inner, loc + ((0,) if is_list else ()))

