"""What overrides/main.html relies on in Material's JavaScript, checked against the installed theme.

Material's language switcher fetches ``sitemap.xml`` beside every element matching ``link[rel=alternate]`` on
every page.  Our feed and oEmbed links are written ``rel="alternate "`` (a token list, read as "alternate" by
browsers and feed or oEmbed readers), which that exact-value selector does not match.  If Material changes
the selector (``[rel~=alternate]``, or a match on ``relList``), this fails and the links need another answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from tests.integration.sitebuild import ROOT

BUNDLES = sorted((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))


def test_material_selects_alternate_links_by_exact_value():
    assert BUNDLES, "Material's JavaScript bundle not found"
    script = BUNDLES[0].read_text(encoding="utf-8")
    selectors = set(re.findall(r"link\[rel[^\]]*alternate[^\]]*\]", script))
    assert selectors == {"link[rel=alternate]"}, selectors
    assert "relList" not in script


def test_our_alternate_links_do_not_match_it():
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert 'rel="alternate"' not in main
    assert main.count('<link rel="alternate " type=') == 2
