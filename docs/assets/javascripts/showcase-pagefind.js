/* Pagefind's JS API, shared by the search page (showcase-search.js) and the index filters (showcase-filter.js).
   Loaded on first use only: a page where nobody searches downloads nothing from /pagefind/.  Nothing here calls
   pagefind.filters(), which would download every filter index; a search names the filters it uses, and Pagefind
   then loads just those.

   The index holds terms, not words (hooks/showcase/search/terms.py): every run of Japanese characters as its
   overlapping two-character pieces, Latin words and numbers whole.  terms() below turns a query into the same
   pieces; keep the two identical (tests/browser/test_search_terms.py compares them). */
(function () {
  "use strict";
  var CJK = "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}";
  var TOKEN = new RegExp("([" + CJK + "]+)|(?:(?![" + CJK + "])[\\p{L}\\p{N}])+", "gu");
  var loading = {};
  var NO_PAGE = { filters: { "showcase-no-such-filter": "-" } };
  var SLICE = "showcase-slice";  // hooks/showcase/search/index.py SLICE_FILTER
  var EXCERPT_FILE = "search-excerpt.json";  // hooks/showcase/search/index.py EXCERPT_FILE

  /* The terms Pagefind indexed for a text (showcase.search.terms.search_terms).  With `step` 2 (a query), a run
     of Japanese characters gives every other two-character term, plus the last: 古民家再生 → 古民 家再 再生.  A page
     holding the run holds those terms too, and every term costs the query an index chunk per bundle. */
  function terms(text, step) {
    var normal = String(text || "").normalize("NFKC").toLowerCase();
    var out = [];
    var match;
    step = step || 1;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(normal)) !== null) {
      var token = Array.from(match[0]);  // code points: an ideograph outside the BMP is one character
      if (match[1] && token.length > 1) {
        for (var i = 0; i < token.length - 1; i += step) out.push(token[i] + token[i + 1]);
        var last = token[token.length - 2] + token[token.length - 1];
        if (out[out.length - 1] !== last) out.push(last);
      } else {
        out.push(match[0]);
      }
    }
    return out.join(" ");
  }

  /* One bundle's Pagefind module, set up for this site.  Each bundle loads its own copy of the engine (a module
     per URL), so each has its own worker and the bundles are searched in parallel, not one after another. */
  function loadBundle(href, site) {
    return import(href + "pagefind.js").then(function (pagefind) {
      return pagefind.options({ baseUrl: site }).then(function () {
        // Pagefind takes its language from <html lang> when it starts, and for "ja" it would split the query
        // with the browser's word segmenter, cutting our two-character terms apart.  The index is "und".
        var root = document.documentElement;
        var lang = root.getAttribute("lang");
        root.setAttribute("lang", "und");
        var started;
        try { started = pagefind.init(); } finally { root.setAttribute("lang", lang); }
        return started;
      }).then(function () { return pagefind; });
    });
  }

  /* The bundles as one index: a search runs in each, and the results are merged by score, as Pagefind's own
     mergeIndex does (it searches the bundles one after another on a single worker). */
  function together(bundles) {
    if (bundles.length === 1) return bundles[0];
    return {
      search: function (term, options) {
        return Promise.all(bundles.map(function (bundle) { return bundle.search(term, options); })).then(function (found) {
          var results = [];
          var count = 0;
          found.forEach(function (one) {
            results = results.concat(one.results);
            count += one.unfilteredResultCount || 0;
          });
          results.sort(function (a, b) { return b.score - a.score; });  // stable: a tie keeps the bundles' order
          return { results: results, unfilteredResultCount: count };
        });
      }
    };
  }

  /* The search index under `base` (a URL relative to the page, e.g. "../pagefind/"), set up for this site. */
  function load(base) {
    var href = new URL(base, window.location.href).href;
    if (!loading[href]) {
      var site = new URL("../", href);
      // A large index is split into bundles (hooks/showcase/search/index.py); the first lists the others.
      var manifest = fetch(href + "showcase-bundles.json").then(function (response) {
        return response.ok ? response.json() : { bundles: [] };
      }).catch(function () { return { bundles: [] }; });
      loading[href] = Promise.all([loadBundle(href, site.pathname), manifest]).then(function (ready) {
        return Promise.all((ready[1].bundles || []).map(function (bundle) {
          return loadBundle(new URL(bundle, site).href, site.pathname);
        })).then(function (others) { return together([ready[0]].concat(others)); });
      });
      loading[href].catch(function () { delete loading[href]; });  // offline for a moment: the next try loads again
    }
    return loading[href];
  }

  /* Search for what a visitor typed (or null: only the filters) under `base`; the full response.

     Pagefind scores every page a query matches (~0.1 ms a page here), so a word most pages hold takes seconds.
     With `early`, such a query (more than `api.common` pages) first searches one slice of the index (a hidden
     filter, search/index.py SLICE_FILTER: ~1/32 of the pages, by a hash of their URL) and hands that response to
     `early`, whose promise is awaited before the full search runs (Pagefind's worker does one thing at a time,
     and the first results' fragments come first).  `early` gets the query's page count as a second argument
     when no filter is chosen (else null). */
  function search(base, query, options, early) {
    options = options || {};
    return load(base).then(function (pagefind) {
      if (query === null) return pagefind.search(null, options);
      var asked = terms(query, 2);
      if (!asked) return { results: [] };
      // Pagefind drops a term that no page holds, so ペンギン (ペン ンギ ギン) would find every page with ペン.
      // Every term must be in the index.  Each check asks for a filter no page has: Pagefind then counts the
      // pages holding the term (unfilteredResultCount) without scoring them, and loads the chunks the search
      // needs next anyway.  The last check counts the pages holding them all.
      var each = asked.split(" ").filter(function (term, i, all) { return all.indexOf(term) === i; });
      var checks = each.length > 1 ? each.map(function (term) { return pagefind.search(term, NO_PAGE); }) : [];
      if (early) checks.push(pagefind.search(asked, NO_PAGE));
      return Promise.all(checks).then(function (found) {
        if (found.some(function (one) { return !one || !one.unfilteredResultCount; })) return { results: [] };
        var count = early ? found[found.length - 1].unfilteredResultCount : 0;
        if (count <= api.common) return pagefind.search(asked, options);
        var sliced = Object.assign({}, options, { filters: Object.assign({}, options.filters) });
        sliced.filters[SLICE] = "0";
        var chosen = Object.keys(options.filters || {}).length > 0;
        return pagefind.search(asked, sliced).then(function (first) {
          return early(first, chosen ? null : count);
        }).then(function () { return pagefind.search(asked, options); });
      });
    });
  }

  /* A passage of the page's text around the first place it contains what was typed, the matches in <mark>;
     built from text nodes only, so nothing in the text can become markup. */
  function excerpt(text, query, size) {
    text = String(text || "");
    size = size || 90;
    var words = String(query || "").normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
    var lower = text.normalize("NFKC").toLowerCase();
    if (lower.length !== text.length) lower = text.toLowerCase();  // NFKC changed the length: match without it
    var first = -1;
    words.forEach(function (word) {
      var at = lower.indexOf(word);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, first - Math.floor(size / 3));
    var end = Math.min(text.length, start + size);
    var out = document.createDocumentFragment();
    if (start > 0) out.appendChild(document.createTextNode("…"));
    var at = start;
    while (at < end) {
      var next = -1;
      var length = 0;
      words.forEach(function (word) {
        var found = lower.indexOf(word, at);
        if (found >= 0 && found < end && (next < 0 || found < next)) { next = found; length = word.length; }
      });
      if (next < 0) { out.appendChild(document.createTextNode(text.slice(at, end))); break; }
      if (next > at) out.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, Math.min(next + length, end));
      out.appendChild(mark);
      at = next + length;
    }
    if (end < text.length) out.appendChild(document.createTextNode("…"));
    return out;
  }

  /* A result's data with its page's plain text as `data.text` ("" when it cannot be read).  The text is a small
     file beside the page (search/index.py EXCERPT_FILE), not Pagefind metadata, which Pagefind would index. */
  function withText(data) {
    return fetch(data.url.replace(/[?#].*$/, "") + EXCERPT_FILE).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () { return {}; }).then(function (excerpt) {
      data.text = typeof excerpt.text === "string" ? excerpt.text : "";
      return data;
    });
  }

  /* "地域おこし協力隊 · 北海道 ○○町" from a result's metadata (hooks/showcase/search/index.py). */
  function metaLine(data) {
    return [data.meta["種別"], data.meta["所在地"]].filter(Boolean).join(" · ");
  }

  // common: above this many matching pages a search shows one slice first (a test may lower it)
  var api = { load: load, search: search, terms: terms, excerpt: excerpt, withText: withText, metaLine: metaLine,
              common: 1600 };
  window.ShowcasePagefind = api;
})();
