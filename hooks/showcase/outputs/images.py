"""Responsive, metadata-free photo variants, cached by content hash.

Pipeline for one photo that passed :func:`inspect_photo`:

1. decode (same safe opener as the checks), apply the EXIF orientation;
2. convert to sRGB when an ICC profile is embedded, flatten alpha onto white;
3. drop *all* metadata: the image's ``info`` is emptied and ``exif=``,
   ``icc_profile=``, ``xmp=`` or ``comment=`` are never passed when saving, so no
   GPS position, camera serial or editing history reaches the site;
4. resize to :data:`WIDTHS` (never upscaling; a photo narrower than the widest
   width also gets its own width) and save each as WebP plus a JPEG fallback.

Output names are ``<key16>-<width>.webp|.jpg`` where ``key16`` hashes the photo's
sha256 together with the encoder settings, so a name always means the same
bytes.  Files live flat in the cache directory passed in (the project uses
``images/`` in :func:`showcase.outputs.build_cache.cache_root`, outside the repository), are written atomically, and a
warm run only reads their first bytes (format and size, no pixels).  :func:`copy_variants` copies them into
the site output.

The photo checks live in :mod:`showcase.check.photos` and are re-exported here.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple

from PIL import Image, ImageCms, ImageOps

from showcase.check.photos import MAX_PIXELS, PhotoInfo, check_photo_path, inspect_photo, open_photo
from showcase.outputs.files import link_or_copy

WIDTHS = (320, 640, 960, 1280)
WEBP_OPTIONS = {"quality": 80, "method": 4}
JPEG_OPTIONS = {"quality": 82, "progressive": True, "optimize": True}
BACKGROUND = (255, 255, 255)
# Bump when the processing itself changes (not only the options above), so names change too.
PIPELINE_VERSION = "1"
_SETTINGS = repr((PIPELINE_VERSION, WIDTHS, sorted(WEBP_OPTIONS.items()), sorted(JPEG_OPTIONS.items()), BACKGROUND))


@dataclass(frozen=True)
class PhotoJob:
    """A checked photo to process: its file and what :func:`inspect_photo` found."""

    source: Path
    info: PhotoInfo


class Variant(NamedTuple):
    """One size: pixel dimensions and file names relative to the cache/output dir."""

    width: int
    height: int
    webp: str
    jpeg: str


@dataclass(frozen=True)
class PhotoVariants:
    """Every size of one photo, smallest first; ``width``/``height`` of the largest."""

    sha256: str
    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    @property
    def width(self) -> int:
        return self.largest.width

    @property
    def height(self) -> int:
        return self.largest.height

    def srcset(self, url_prefix: str, kind: str = "webp") -> str:
        """``"<prefix>/a-320.webp 320w, ..."`` for ``kind`` "webp" or "jpeg"."""
        prefix = url_prefix.rstrip("/") + "/" if url_prefix else ""
        return ", ".join(f"{prefix}{getattr(v, kind)} {v.width}w" for v in self.variants)

    def files(self) -> list[str]:
        return [name for v in self.variants for name in (v.webp, v.jpeg)]


def variant_widths(width: int) -> list[int]:
    """Target widths for a photo ``width`` px wide: never upscaled."""
    widths = [w for w in WIDTHS if w <= width]
    if width < WIDTHS[-1] and width not in widths:
        widths.append(width)
    return widths


def plan_variants(info: PhotoInfo) -> PhotoVariants:
    """The variants a photo will have, computed from its info alone (no Pillow)."""
    key = hashlib.sha256(f"{info.sha256}\n{_SETTINGS}".encode()).hexdigest()[:16]
    variants = tuple(
        Variant(w, max(1, round(info.height * w / info.width)), f"{key}-{w}.webp", f"{key}-{w}.jpg")
        for w in variant_widths(info.width)
    )
    return PhotoVariants(info.sha256, variants)


def _is_cached(plan: PhotoVariants, cache_dir: Path) -> bool:
    """Whether every file of ``plan`` is in the cache as what its name says: a WebP or JPEG of the planned size.

    Only the first bytes are read (:func:`declared_size`; Pillow's own open costs 4-12 times more, ~5 s CPU on a
    warm 35,000-record build).  A missing or foreign file makes the whole photo be made again, so a cache entry
    that is not ours is never published.
    """
    for variant in plan.variants:
        for name, fmt in ((variant.webp, "WEBP"), (variant.jpeg, "JPEG")):
            try:
                with open(cache_dir / name, "rb") as handle:
                    head = handle.read(4096)
            except OSError:
                return False
            if declared_size(head, fmt) != (variant.width, variant.height):
                return False
    return True


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # JPEG frame markers


def declared_size(head: bytes, fmt: str) -> tuple[int, int] | None:
    """The pixel size the first bytes of a WebP or JPEG file declare; None when they are not such a file."""
    if fmt == "WEBP":
        if head[:4] != b"RIFF" or head[8:12] != b"WEBP" or len(head) < 30:
            return None
        chunk = head[12:16]
        if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":  # lossy: the key frame's start code, then 14-bit sizes
            return int.from_bytes(head[26:28], "little") & 0x3FFF, int.from_bytes(head[28:30], "little") & 0x3FFF
        if chunk == b"VP8L" and head[20] == 0x2F:  # lossless: two 14-bit sizes minus one
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8X":  # extended: the canvas, two 24-bit sizes minus one
            return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
        return None
    pos = 2 if head[:2] == b"\xff\xd8" else len(head)
    while pos + 9 <= len(head) and head[pos] == 0xFF:
        if head[pos + 1] in _SOF:
            return int.from_bytes(head[pos + 7:pos + 9], "big"), int.from_bytes(head[pos + 5:pos + 7], "big")
        pos += 2 + int.from_bytes(head[pos + 2:pos + 4], "big")
    return None


def process_photos(jobs: list[PhotoJob], cache_dir: Path, workers: int = 2) -> dict[str, PhotoVariants]:
    """Make sure every job's variants are in ``cache_dir``; ``{sha256: PhotoVariants}``.

    Identical photos (same sha256) are processed once.  Photos whose files are
    all cached are not opened.  Several missing photos are processed in a
    process pool of ``workers``; a single one in this process.
    """
    sources: dict[str, Path] = {}
    plans: dict[str, PhotoVariants] = {}
    for job in sorted(jobs, key=lambda j: (j.info.sha256, str(j.source))):
        if job.info.sha256 not in plans:
            sources[job.info.sha256] = job.source
            plans[job.info.sha256] = plan_variants(job.info)
    missing = [sha for sha in sorted(plans) if not _is_cached(plans[sha], cache_dir)]
    if not missing:
        return plans
    cache_dir.mkdir(parents=True, exist_ok=True)
    args = [(str(sources[sha]), plans[sha], str(cache_dir)) for sha in missing]
    if len(args) == 1 or workers <= 1:
        for arg in args:
            render_variants(*arg)
    else:
        # "spawn": forking a process that runs threads (mkdocs serve) is unsafe.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(args)), mp_context=context) as pool:
            for _ in pool.map(render_variants, *zip(*args)):
                pass
    return plans


def render_variants(source: str, plan: PhotoVariants, cache_dir: str) -> None:
    """Decode ``source`` and write every file of ``plan`` into ``cache_dir`` (the Pillow work)."""
    data = Path(source).read_bytes()
    if hashlib.sha256(data).hexdigest() != plan.sha256:
        raise RuntimeError(f"{source} changed while the site was being built; build again")
    image = normalise(open_photo(data, MAX_PIXELS))
    if plan_variants(PhotoInfo(plan.sha256, image.width, image.height, "", len(data))) != plan:
        raise RuntimeError(f"{source}: decoded size {image.size} does not match the checked size")
    for variant in plan.variants:
        if variant.width == image.width:
            sized = image.copy()
        else:
            sized = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        sized.info.clear()  # the JPEG encoder would otherwise copy a "comment" from info
        _write_atomic(Path(cache_dir) / variant.webp, _encode(sized, "WEBP", WEBP_OPTIONS))
        _write_atomic(Path(cache_dir) / variant.jpeg, _encode(sized, "JPEG", JPEG_OPTIONS))


def normalise(image: Image.Image) -> Image.Image:
    """Upright, sRGB, RGB on white, with no metadata left in ``info``."""
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):  # 16-bit grey: scale, don't clip
        image = image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (*BACKGROUND, 255))
        flat.alpha_composite(rgba)
        image = flat
    image = image.convert("RGB")
    image.info.clear()
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert colours from an embedded ICC profile to sRGB; keep them if the profile is unusable."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def _encode(image: Image.Image, fmt: str, options: dict) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _write_atomic(target: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; the files end up on a web server
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def copy_variants(variants: PhotoVariants | Iterable[PhotoVariants], cache_dir: Path, out_dir: Path) -> list[Path]:
    """Copy the variants' files from ``cache_dir`` into ``out_dir``; the files written.

    A file already in ``out_dir`` with the same size is left alone (names are content-keyed); the others are
    hard links to the cache where the filesystem allows (:func:`showcase.outputs.files.link_or_copy`).
    """
    groups = [variants] if isinstance(variants, PhotoVariants) else list(variants)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in sorted({name for group in groups for name in group.files()}):
        source, target = cache_dir / name, out_dir / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            link_or_copy(source, target)
        written.append(target)
    return written


__all__ = [
    "WIDTHS", "PhotoInfo", "PhotoJob", "PhotoVariants", "Variant", "check_photo_path", "copy_variants", "declared_size",
    "inspect_photo", "normalise", "plan_variants", "process_photos", "render_variants", "variant_widths",
]
