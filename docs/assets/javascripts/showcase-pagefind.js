/* Pagefind's JS API, shared by the search page (showcase-search.js) and the index filters (showcase-filter.js).
   Loaded on first use only: a page where nobody searches downloads nothing from /pagefind/.  Nothing here calls
   pagefind.filters(), which would download every filter index; a search names the filters it uses, and Pagefind
   then loads just those. */
(function () {
  "use strict";
  var loading = {};

  /* The Pagefind module under `base` (a URL relative to the page, e.g. "../pagefind/"), set up for this site. */
  function load(base) {
    var href = new URL(base, window.location.href).href;
    if (!loading[href]) {
      loading[href] = import(href + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL("../", href).pathname }).then(function () { return pagefind; });
      });
      loading[href].catch(function () { delete loading[href]; });  // offline for a moment: the next try loads again
    }
    return loading[href];
  }

  /* Pagefind's excerpt is escaped page text with <mark> around the words found.  Rebuild it from text nodes and
     <mark> elements only, so nothing else in it can ever become markup. */
  function excerpt(html) {
    var parsed = new DOMParser().parseFromString("<!doctype html><body>" + (html || ""), "text/html");
    var out = document.createDocumentFragment();
    (function walk(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === 3) {
          out.appendChild(document.createTextNode(child.nodeValue));
        } else if (child.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          out.appendChild(mark);
        } else if (child.nodeType === 1) {
          walk(child);
        }
      });
    })(parsed.body);
    return out;
  }

  /* "地域おこし協力隊 · 北海道 ○○町" from a result's metadata (partials/search-meta.html). */
  function metaLine(data) {
    return [data.meta["種別"], data.meta["所在地"]].filter(Boolean).join(" · ");
  }

  window.ShowcasePagefind = { load: load, excerpt: excerpt, metaLine: metaLine };
})();
