"""Make Pagefind's output byte-identical between builds.

Pagefind (1.5) writes its filter index from a Rust ``HashMap``: the order of the filters in ``pagefind.<lang>_*.pf_meta``
and of the values inside each ``filter/*.pf_filter`` changes from run to run, and so do their content-hash file names
and ``pagefind-entry.json``.  The pages, word index and fragments are already stable.  This rewrites the filter
files and the meta file in sorted order under names hashed from their content; Pagefind's JavaScript finds files by
the names listed in the meta and entry files, so search and filtering work as before.

Files are ``gzip(b"pagefind_dcd" + CBOR)``; the small CBOR codec below covers what Pagefind writes (integers, text,
byte strings, arrays, maps, true/false/null) and refuses anything else, leaving the output untouched.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class Unsupported(ValueError):
    """A CBOR item (or a Pagefind layout) this module does not rewrite."""


def _decode(data: bytes, at: int) -> tuple[object, int]:
    head = data[at]
    at += 1
    major, info = head >> 5, head & 31
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise Unsupported(f"CBOR item {head:#x}")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major == 2:
        return bytes(data[at:at + arg]), at + arg
    if major == 3:
        return data[at:at + arg].decode("utf-8"), at + arg
    if major in (4, 5):
        items = []
        for _ in range(arg * (2 if major == 5 else 1)):
            item, at = _decode(data, at)
            items.append(item)
        return (items if major == 4 else {"map": list(zip(items[::2], items[1::2]))}), at
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], at
    raise Unsupported(f"CBOR item {head:#x}")


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise Unsupported(f"integer {arg}")


def _encode(value: object) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict) and set(value) == {"map"}:
        return _head(5, len(value["map"])) + b"".join(_encode(k) + _encode(v) for k, v in value["map"])
    raise Unsupported(f"{type(value).__name__} value")


def read_pagefind_file(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise Unsupported(f"{path.name}: no Pagefind signature")
    value, end = _decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise Unsupported(f"{path.name}: trailing bytes")
    return value


def _packed(value: object, digits: int) -> tuple[str, bytes]:
    """(content hash, file bytes) of ``value`` as a Pagefind file."""
    raw = SIGNATURE + _encode(value)
    return hashlib.sha256(raw).hexdigest()[:digits], gzip.compress(raw, compresslevel=9, mtime=0)


def _sorted_filter(value: object) -> object:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], list)):
        raise Unsupported("filter layout")
    return [value[0], sorted(value[1], key=lambda pair: str(pair[0]))]


def _plan(bundle: Path, entry: dict) -> tuple[dict[Path, bytes], set[Path]]:
    """The files to write and to delete; raises :class:`Unsupported` before anything is touched."""
    writes: dict[Path, bytes] = {}
    deletes: set[Path] = set()
    for language in entry.get("languages", {}).values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_pagefind_file(meta_file)
        if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
            raise Unsupported("meta layout")
        prefix = language["hash"].split("_")[0] + "_"
        filters = []
        for name, old_hash in meta[3]:
            old_file = bundle / "filter" / f"{old_hash}.pf_filter"
            digest, data = _packed(_sorted_filter(read_pagefind_file(old_file)), 7)
            writes[bundle / "filter" / f"{prefix}{digest}.pf_filter"] = data
            deletes.add(old_file)
            filters.append([name, prefix + digest])
        meta[3] = sorted(filters, key=lambda pair: pair[0])
        digest, data = _packed(meta, 10)
        writes[bundle / f"pagefind.{prefix}{digest}.pf_meta"] = data
        deletes.add(meta_file)
        language["hash"] = prefix + digest
    return writes, deletes - set(writes)


def canonicalize_pagefind(bundle: Path) -> int:
    """Rewrite the filter and meta files of the Pagefind bundle in ``bundle`` in a stable order; return how many
    files were written (0, and nothing touched, when the layout is not the one this module knows)."""
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.exists():
        return 0
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    try:
        writes, deletes = _plan(bundle, entry)
    except (Unsupported, OSError, UnicodeDecodeError, IndexError, ValueError):
        return 0
    for path in deletes:
        path.unlink()
    for path, data in sorted(writes.items()):
        path.write_bytes(data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(writes)
