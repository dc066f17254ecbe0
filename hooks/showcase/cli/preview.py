"""A contributor's quick preview: build only the given records and the pages that list them.

``SHOWCASE_ONLY=profiles/a,cases/b`` (set by ``scripts/preview``) makes a build
load the named records plus their neighbours (records in the same
municipality, and records linking to or linked from them, so the record page's
"related" section is complete), instead of the whole corpus.  Why not load
everything and render a few pages: loading and validating 35,000 records takes
longer than the 5 s a preview has, and the other records are not being
edited.  Neighbours are found with a byte search of the YAML files (a
municipality code or a slug), then loaded and validated like any record, so a
false match costs only a load.  Listing pages in a preview list only these
records.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from showcase.check.collection import COLLECTIONS, Kind, discover
from showcase.load.reader import load_document
from showcase.render.pages import Listing, PageSpec

ONLY_ENV = "SHOWCASE_ONLY"
_FOLDER_KIND: dict[str, Kind] = {folder: kind for kind, (folder, _file, _model) in COLLECTIONS.items()}


def parse_only(value: str, root: Path) -> set[tuple[Kind, str]]:
    """``"profiles/a, cases/b/case.yml, /abs/content/profiles/c/"`` → ``{("profile", "a"), ("case", "b"), ("profile", "c")}``."""
    wanted: set[tuple[Kind, str]] = set()
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        path = Path(item)
        if path.is_absolute():
            try:
                path = path.resolve().relative_to(root.resolve())
            except ValueError:
                raise ValueError(f"{item} は掲載データのフォルダ（{root}）の外です / {item} is outside the content root {root}") from None
        parts = [part for part in path.parts if part not in ("", ".")]
        if len(parts) < 2 or parts[0] not in _FOLDER_KIND:
            raise ValueError(f"「{item}」は profiles/<名前> か cases/<名前> で指定してください / "
                             f"'{item}': give profiles/<slug> or cases/<slug>")
        wanted.add((_FOLDER_KIND[parts[0]], parts[1]))
    return wanted


def only_from_env(root: Path) -> set[tuple[Kind, str]] | None:
    value = os.environ.get(ONLY_ENV, "").strip()
    return parse_only(value, root) if value else None


def _needles(paths: Iterable[Path], wanted: set[tuple[Kind, str]]) -> list[bytes]:
    """What a neighbour's YAML contains: a wanted record's municipality code or slug, or a slug it links to."""
    needles = {slug.encode() for _kind, slug in wanted}
    for path in paths:
        data = load_document(path, str(path)).data  # the one reader: size and depth limits, no aliases or tags
        if isinstance(data, dict):  # (a file it refuses has no data: the real load reports it)
            if isinstance(data.get("municipality_code"), str):
                needles.add(data["municipality_code"].encode())
            for key in ("related_cases", "related_profiles"):
                needles.update(str(slug).encode() for slug in data.get(key) or [] if isinstance(slug, str))
    return sorted(needles)


def preview_selection(root: Path, wanted: set[tuple[Kind, str]]) -> set[tuple[Kind, str]]:
    """The wanted records plus their neighbours (see the module docstring)."""
    found, _problems = discover(root)
    needles = _needles([Path(path) for kind, slug, path in found if (kind, slug) in wanted], wanted)
    selected = set(wanted)
    for kind, slug, path in found:
        if (kind, slug) in selected or slug.encode() in needles:
            selected.add((kind, slug))
            continue
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:
            continue
        if any(needle in raw for needle in needles):
            selected.add((kind, slug))
    return selected


def preview_pages(pages: list[PageSpec], wanted: set[tuple[Kind, str]]) -> list[PageSpec]:
    """The wanted records' pages, listing pages that list one of them, the first page of the profile and case
    indexes, and every page that is not a record or a listing."""
    def keep(spec: PageSpec) -> bool:
        if spec.kind in ("profile", "case"):
            return (spec.kind, spec.key.slug) in wanted
        listing = spec.key[0] if isinstance(spec.key, tuple) and spec.key and isinstance(spec.key[0], Listing) else None
        if listing is None:
            return True
        return (spec.kind in ("profiles", "cases") and listing.number == 1
                or any((entry.kind, entry.slug) in wanted for entry in listing.entries))
    return [spec for spec in pages if keep(spec)]
