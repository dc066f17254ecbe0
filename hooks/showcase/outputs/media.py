"""Binary outputs of a build: responsive photo variants and Open Graph cards, cached by content hash.

``photo_views`` is cheap (no Pillow) and feeds the templates; ``write_assets``
does the image work once the engine knows its output folder.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from showcase.catalog import urls
from showcase.catalog.indexes import Catalog
from showcase.check.collection import Entry
from showcase.outputs.build_cache import prune
from showcase.outputs.images import PhotoJob, PhotoVariants, copy_variants, plan_variants, process_photos
from showcase.outputs.og_cards import place_og_cards, render_og_card

PHOTO_DIR = urls.PHOTOS
KIND_LABELS = {"profile": "地域おこし協力隊", "case": "地域運営組織"}


@dataclass(frozen=True)
class VariantView:
    width: int
    height: int
    webp: str  # site-relative URL
    jpeg: str


@dataclass(frozen=True)
class PhotoView:
    alt: str
    caption: str | None
    variants: tuple[VariantView, ...]

    @property
    def fallback(self) -> VariantView:
        """The JPEG used by ``src``: the 640 px one where there is one, so old browsers get a modest file."""
        fitting = [v for v in self.variants if v.width <= 960]
        return fitting[-1] if fitting else self.variants[0]


def photo_views(entries: list[Entry]) -> dict[str, list[PhotoView]]:
    views: dict[str, list[PhotoView]] = {}
    for entry in entries:
        if not entry.photos:
            continue
        views[entry.source] = [
            PhotoView(ref.meta.alt, ref.meta.caption, tuple(
                VariantView(v.width, v.height, PHOTO_DIR + v.webp, PHOTO_DIR + v.jpeg) for v in plan_variants(ref.info).variants))
            for ref in entry.photos
        ]
    return views


def og_image_path(entry: Entry) -> str:
    return urls.og_card(entry.kind, entry.slug)


def _og_job(args: tuple[str, str, str, str, str]) -> None:
    title, subtitle, label, out, cache = args
    render_og_card(title, subtitle, label, Path(out), cache_dir=Path(cache))


def write_assets(catalog: Catalog, site_dir: Path, cache_dir: Path, workers: int = 2, *, prune_cache: bool = False) -> dict[str, int]:
    """Write photo variants and OG cards into ``site_dir``; returns counts for the build log.

    With ``prune_cache`` (a full build, never a preview of some records) the cache entries this build did not use
    are deleted afterwards: a removed record's photos and card leave the cache.
    """
    entries = catalog.profiles + catalog.cases
    jobs = [PhotoJob(ref.path, ref.info) for entry in entries for ref in entry.photos]
    variants: dict[str, PhotoVariants] = process_photos(jobs, cache_dir / "images", workers=workers) if jobs else {}
    copy_variants(variants.values(), cache_dir / "images", site_dir / PHOTO_DIR)
    cards = [(e.record.name, f"{e.record.prefecture} {e.record.municipality}", KIND_LABELS[e.kind],
              str(site_dir / og_image_path(e))) for e in entries]
    # A warm cache only links its cards into the site; the pool draws the ones it does not hold yet.
    used_cards: set[str] = set()
    og_jobs = [(*card, str(cache_dir / "og")) for card in place_og_cards(cards, cache_dir / "og", used=used_cards)]
    if workers > 1 and len(og_jobs) > 50:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_og_job, og_jobs, chunksize=64))
    else:
        for job in og_jobs:
            _og_job(job)
    counts = {"photos": len(jobs), "og_cards": len(entries)}
    if prune_cache:
        removed = prune(cache_dir / "images", {name for plan in variants.values() for name in plan.files()})
        removed += prune(cache_dir / "og", used_cards)
        counts["pruned"] = len(removed)
    return counts
