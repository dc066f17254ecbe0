"""Pagefind's filter index, rewritten in a stable order: two bundles that differ only in HashMap order become
byte-identical, and the rewritten files still decode to the same filters."""

from __future__ import annotations

import gzip
import json

import pytest

from showcase.search.order import SIGNATURE, _decode, _encode, canonicalize_pagefind, read_pagefind_file


def _pack(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


def _bundle(root, value_order, filter_order):
    (root / "filter").mkdir(parents=True)
    kinds = [["地域おこし協力隊", [0, 2]], ["地域運営組織", [1]]]
    kinds = kinds if value_order == "a" else kinds[::-1]
    (root / "filter" / "ja_1111111.pf_filter").write_bytes(_pack(["種別", kinds]))
    (root / "filter" / "ja_2222222.pf_filter").write_bytes(_pack(["状態", [["現役", [0]]]]))
    filters = [["種別", "ja_1111111"], ["状態", "ja_2222222"]]
    meta = ["1.5.2", [["ja_aaaaaaa", 133], ["ja_bbbbbbb", -25]], [["0", "齢", "ja_ccccccc"]],
            filters if filter_order == "a" else filters[::-1], [], ["title", "種別"]]
    (root / "pagefind.ja_0123456789.pf_meta").write_bytes(_pack(meta))
    entry = {"version": "1.5.2", "languages": {"ja": {"hash": "ja_0123456789", "wasm": None, "page_count": 3}}}
    (root / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return root


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_orders_become_identical(tmp_path):
    first = _bundle(tmp_path / "a", "a", "a")
    second = _bundle(tmp_path / "b", "b", "b")
    assert canonicalize_pagefind(first) == 3 and canonicalize_pagefind(second) == 3
    assert _files(first) == _files(second)
    entry = json.loads((first / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read_pagefind_file(first / f"pagefind.{entry['languages']['ja']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["状態", "種別"]
    kinds = read_pagefind_file(first / "filter" / f"{dict(meta[3])['種別']}.pf_filter")
    assert kinds == ["種別", [["地域おこし協力隊", [0, 2]], ["地域運営組織", [1]]]]
    assert not (first / "filter" / "ja_1111111.pf_filter").exists()
    assert canonicalize_pagefind(first) == 3 and _files(first) == _files(second)  # idempotent


def test_unknown_layout_is_left_alone(tmp_path):
    root = _bundle(tmp_path / "a", "a", "a")
    (root / "filter" / "ja_2222222.pf_filter").write_bytes(gzip.compress(b"not pagefind"))
    before = _files(root)
    assert canonicalize_pagefind(root) == 0
    assert _files(root) == before


@pytest.mark.parametrize("value", [0, 23, 24, 255, 256, 65536, 2**32, -1, -25, -300, "", "齢", b"\x00", [], [1, [2]],
                                   {"map": [("k", 1)]}, True, False, None])
def test_cbor_round_trip(value):
    encoded = _encode(value)
    assert _decode(encoded, 0) == (value, len(encoded))
