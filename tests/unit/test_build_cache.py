"""The build cache (showcase.outputs.build_cache): outside the repository, checked when read, pruned after a full build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PIL import Image

from showcase.check.photos import inspect_photo
from showcase.outputs.build_cache import cache_root, prune
from showcase.outputs.images import PhotoJob, declared_size, process_photos
from showcase.outputs.media import og_image_path
from showcase.outputs.og_cards import place_og_cards, render_og_card
from showcase.pipeline.site_build import SiteBuild
from tests.factories import make_site, profile

ROOT = Path(__file__).resolve().parents[2]


def test_the_cache_lives_outside_the_repository(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SHOWCASE_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_root() == tmp_path / "home" / ".cache" / "chiiki-showcase"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec says a relative value is ignored
    assert cache_root() == tmp_path / "home" / ".cache" / "chiiki-showcase"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "chiiki-showcase"
    monkeypatch.setenv("SHOWCASE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_root() == tmp_path / "mine"
    monkeypatch.setenv("SHOWCASE_CACHE_DIR", "~/.cache/chiiki-showcase")  # as deploy.yml sets it
    assert cache_root() == tmp_path / "home" / ".cache" / "chiiki-showcase"


def test_the_deploy_workflow_caches_the_folder_the_build_uses() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    (cache,) = [step for step in build["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == build["env"]["SHOWCASE_CACHE_DIR"] == "~/.cache/chiiki-showcase"
    assert cache["with"]["key"].endswith("${{ github.sha }}")  # a new entry per build, saved after pruning
    assert "restore-keys" in cache["with"] and ".cache" not in cache["with"]["restore-keys"]


def test_prune_keeps_what_is_used_and_files_being_written(tmp_path: Path) -> None:
    for name in ("keep.webp", "gone.webp", ".gone.webp.123.tmp"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "folder").mkdir()
    assert prune(tmp_path, {"keep.webp"}) == ["gone.webp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gone.webp.123.tmp", "folder", "keep.webp"]
    assert prune(tmp_path / "missing", set()) == []


def _photo(path: Path, color=(40, 120, 80), size=(900, 600)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path, "JPEG")
    return path


@pytest.mark.parametrize("forgery", [b"", b"not an image", "other-format", "other-size"])
def test_a_foreign_or_damaged_variant_is_made_again_not_published(tmp_path: Path, forgery) -> None:
    path = _photo(tmp_path / "a.jpg")
    info, problems = inspect_photo(path, "p.yml", 1, 1, "photos[0].file")
    cache = tmp_path / "cache"
    plan = process_photos([PhotoJob(path, info)], cache)[info.sha256]
    target = cache / plan.variants[0].webp
    good = target.read_bytes()
    if forgery == "other-format":
        Image.new("RGB", (plan.variants[0].width, plan.variants[0].height), (255, 0, 0)).save(target, "JPEG")
    elif forgery == "other-size":
        Image.new("RGB", (50, 50), (255, 0, 0)).save(target, "WEBP")
    else:
        target.write_bytes(forgery)
    process_photos([PhotoJob(path, info)], cache)
    assert target.read_bytes() == good


@pytest.mark.parametrize("mode,fmt,options", [("RGB", "WEBP", {"quality": 80, "method": 4}), ("RGBA", "WEBP", {"quality": 80}),
                                               ("RGB", "WEBP", {"lossless": True}), ("RGB", "JPEG", {"progressive": True}),
                                               ("L", "JPEG", {"quality": 82})])
def test_the_declared_size_is_what_pillow_reads(tmp_path: Path, mode: str, fmt: str, options: dict) -> None:
    """The cache check reads sizes from the first bytes itself; Pillow is the reference."""
    for width, height in ((1, 1), (320, 2560), (1280, 853), (16383, 3)):
        path = tmp_path / f"v.{fmt.lower()}"
        Image.new(mode, (width, height)).save(path, fmt, **options)
        assert declared_size(path.read_bytes()[:4096], fmt) == (width, height)
    assert declared_size(b"RIFF\0\0\0\0WEBPVP8 " + b"\0" * 20, "WEBP") is None
    assert declared_size(b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "JPEG") is None


def test_a_foreign_card_in_the_cache_is_drawn_again(tmp_path: Path) -> None:
    cache, out = tmp_path / "og", tmp_path / "site" / "og.png"
    good = render_og_card("試験 花子", "山梨県 都留市", "地域おこし協力隊", cache_dir=cache)
    cached = next(cache.glob("og-*.png"))
    Image.new("RGB", (64, 64), (255, 0, 0)).save(cached, "PNG")  # a PNG, but not one of ours
    card = ("試験 花子", "山梨県 都留市", "地域おこし協力隊", str(out))
    used: set[str] = set()
    assert place_og_cards([card], cache, used=used) == [card] and used == {cached.name}
    assert render_og_card(*card[:3], cache_dir=cache) == good and cached.read_bytes() == good


def _two_people(root: Path) -> Path:
    photo = [{"file": "katsudou.jpg", "alt": "活動の様子"}]
    make_site(root, profiles={"shiken-ichiro": profile(name="試験 一郎", photos=photo),
                              "shiken-jiro": profile(name="試験 次郎", photos=photo)}, cases={})
    _photo(root / "profiles" / "shiken-ichiro" / "katsudou.jpg", (200, 30, 30))
    _photo(root / "profiles" / "shiken-jiro" / "katsudou.jpg", (30, 30, 200))
    return root


def _cache_files(cache: Path) -> set[str]:
    return {p.name for folder in ("images", "og") for p in (cache / folder).glob("*")}


def test_a_full_build_prunes_a_removed_persons_photos_and_card(tmp_path: Path) -> None:
    root, cache = _two_people(tmp_path / "content"), tmp_path / "cache"
    build = SiteBuild.load(root, workers=1, cache_dir=cache)
    build.write_assets(tmp_path / "site1", workers=1)
    both = _cache_files(cache)
    jiro = next(e for e in build.catalog.profiles if e.slug == "shiken-jiro")
    jiro_files = {Path(v.webp).name for v in build.context["photos_for"][jiro.source][0].variants}

    preview = SiteBuild.load(root, workers=1, cache_dir=cache, only={("profile", "shiken-ichiro")})
    preview.write_assets(tmp_path / "preview", workers=1)
    assert _cache_files(cache) == both  # a preview never prunes what the full site uses

    for item in (root / "profiles" / "shiken-jiro").iterdir():
        item.unlink()
    (root / "profiles" / "shiken-jiro").rmdir()
    after = SiteBuild.load(root, workers=1, cache_dir=cache)
    counts = after.write_assets(tmp_path / "site2", workers=1)
    left = _cache_files(cache)
    assert jiro_files and not jiro_files & left
    assert counts["pruned"] == len(both - left) > 0
    assert len([n for n in left if n.startswith("og-")]) == 1  # only 一郎's card
    assert (tmp_path / "site2" / og_image_path(after.catalog.profiles[0])).is_file()

