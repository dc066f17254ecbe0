"""The small generated content root every gate checks: one record of each kind, a photo, an alumnus, a second
municipality, so that every template path (portrait photo, initial mark, related records, badges) is rendered."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.factories import case, make_site, profile

PROFILE_SLUGS = ("gate-hanako", "gate-taro")
CASE_SLUGS = ("gate-kyogikai",)


def make_gate_content(root: Path) -> Path:
    """Write the gate content root under ``root`` and return it."""
    make_site(root, profiles={
        "gate-hanako": profile(photos=[{"file": "katsudou.jpg", "alt": "交流拠点でイベントを開く試験 花子さん"}],
                               links=[{"label": "活動の記録", "url": "https://example.jp/katsudou"}]),
        "gate-taro": profile(name="試験 太郎", prefecture="奈良県", municipality="奈良市", municipality_code="292010",
                             fields=["観光", "情報発信・デジタル"], term={"start": "2018-04", "end": "2021-03"}),
    }, cases={"gate-kyogikai": case()})
    Image.new("RGB", (900, 600), (40, 120, 80)).save(root / "profiles" / "gate-hanako" / "katsudou.jpg", "JPEG")
    return root
