"""The benchmark's plain MkDocs + Material baseline is written from the repository's real mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from showcase_devtools.baseline import write_baseline
from showcase_devtools.corpus import generate_corpus

REPO = Path(__file__).resolve().parents[2]


def test_the_baseline_reads_the_real_configuration_and_writes_one_page_per_record(tmp_path):
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, profiles=3, cases=2, seed=5)
    config_path = write_baseline(corpus, REPO, tmp_path / "baseline")  # mkdocs.yml has !ENV tags: MkDocs' own loader
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    real_name = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)["site_name"]
    assert config["site_name"] == real_name and config["plugins"] == [] and "custom_dir" not in config["theme"]
    pages = sorted(p.relative_to(tmp_path / "baseline" / "docs").parts[0] for p in (tmp_path / "baseline" / "docs").glob("*/*/index.md")
                   if p.parts[-3] in ("profiles", "cases"))
    assert pages.count("profiles") == 3 and pages.count("cases") == 2


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with every custom tag (!ENV, !relative) taken as its plain value."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
