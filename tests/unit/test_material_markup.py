"""showcase.render.material_markup: Material's invalid attributes are removed, and nothing else changes."""

from __future__ import annotations

from showcase.render.material_markup import repair_material_markup as repair


def test_checkbox_autocomplete_is_dropped_but_text_inputs_keep_it():
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="cs-header-search__input" id="q" type="search" autocomplete="off">')
    assert repair(page) == ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
                            '<input class="cs-header-search__input" id="q" type="search" autocomplete="off">')


def test_empty_tabindex_is_dropped_and_real_ones_stay():
    page = ('<label class="md-nav__link" for="__nav_5" id="__nav_5_label" tabindex="">'
            '<label class="md-nav__link" for="__nav_6" id="__nav_6_label" tabindex="0">')
    assert repair(page) == ('<label class="md-nav__link" for="__nav_5" id="__nav_5_label">'
                            '<label class="md-nav__link" for="__nav_6" id="__nav_6_label" tabindex="0">')


def test_toc_label_loses_its_for_only_when_the_checkbox_is_missing():
    label = '<label class="md-nav__title" for="__toc">'
    assert repair(label + "目次") == '<label class="md-nav__title">目次'
    with_box = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert repair(with_box) == with_box


def test_heading_permalinks_are_named_in_japanese_and_out_of_the_tab_order():
    page = '<h2 id="x">見出し<a class="headerlink" href="#x" title="この見出しへのリンク">&para;</a></h2>'
    assert repair(page) == ('<h2 id="x">見出し<a class="headerlink" href="#x" title="この見出しへのリンク" '
                            'aria-label="この見出しへのリンク" tabindex="-1">&para;</a></h2>')
