/* The search page (partials/search-form.html): a keyword and optional filters, run through Pagefind's JS API
   (showcase-pagefind.js).  The query and filters live in the address (?q=見守り&都道府県=北海道), so a result list
   can be bookmarked or shared, and the header's search form lands here with ?q=. */
(function () {
  "use strict";
  var PAGE = 10;  // results whose data (fragment and excerpt text) is downloaded at a time

  function start() {
    var form = document.getElementById("cs-search");
    if (!form || !window.ShowcasePagefind) return;
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var filterBox = form.querySelector(".cs-search__filters");
    var status = document.getElementById("cs-search-status");
    var list = document.querySelector(".cs-search__results");
    var more = document.querySelector(".cs-search__more");
    var base = form.getAttribute("data-pagefind-base");
    var results = [];
    var shown = 0;
    var serial = 0;  // a newer search makes an older, slower one drop its answer
    var timer = null;

    function chosenFilters() {
      var filters = {};
      selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
      return filters;
    }

    function remember(term, filters) {
      var params = new URLSearchParams();
      if (term) params.set("q", term);
      Object.keys(filters).forEach(function (name) { params.set(name, filters[name]); });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    function item(data, query) {
      var li = document.createElement("li");
      li.className = "cs-search__result";
      var link = document.createElement("a");
      link.className = "cs-search__link";
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      li.appendChild(link);
      var meta = window.ShowcasePagefind.metaLine(data);
      if (meta) {
        var line = document.createElement("p");
        line.className = "cs-search__meta";
        line.textContent = meta;
        li.appendChild(line);
      }
      if (data.text) {
        var text = document.createElement("p");
        text.className = "cs-search__excerpt";
        text.appendChild(window.ShowcasePagefind.excerpt(data.text, query));
        li.appendChild(text);
      }
      return li;
    }

    /* The next PAGE results under the list.  With `fresh`, they replace what is listed and `fresh` becomes the
       status line: a count reaches the screen (and screen readers) only with the results it counts. */
    function showMore(id, focusFirst, fresh) {
      var next = results.slice(shown, shown + PAGE);
      shown += next.length;
      var rest = shown < results.length;
      // A fresh list offers "more" only once it is on screen: the button would otherwise sit under the old list,
      // and a click there would add the new results' second page before their first.
      more.hidden = fresh !== undefined || !rest;
      return Promise.all(next.map(function (result) {
        return result.data().then(window.ShowcasePagefind.withText);
      })).then(function (items) {
        if (id !== serial) return;
        if (fresh !== undefined) {
          list.replaceChildren();
          status.textContent = fresh;
          more.hidden = !rest;
        }
        var first = null;
        items.forEach(function (data) {
          var li = item(data, input.value.trim());
          first = first || li.querySelector("a");
          list.appendChild(li);
        });
        if (focusFirst && first) first.focus();
      });
    }

    function describe(term, filters, count) {
      var names = Object.keys(filters).map(function (name) { return filters[name]; });
      var what = (term ? "「" + term + "」" : "") + (names.length ? "（" + names.join("・") + "）" : "");
      if (count < 0) return what + "の検索結果（件数を数えています…）";
      if (count === 0) {
        return what + "に一致するページはありません。" + (names.length ? "絞り込みを外すか、" : "") + "別の言葉で検索してください。";
      }
      return what + "の検索結果: " + count.toLocaleString("ja-JP") + " 件";
    }

    function run() {
      window.clearTimeout(timer);
      var term = input.value.trim();
      var filters = chosenFilters();
      var id = ++serial;
      remember(term, filters);
      results = [];
      shown = 0;
      more.hidden = true;
      if (!term && !Object.keys(filters).length) {
        status.textContent = "";
        list.replaceChildren();
        return Promise.resolve();
      }
      status.textContent = "検索しています…";
      // A word most pages hold: the best of one slice of the index shows first, while Pagefind ranks the rest
      // (showcase-pagefind.js).  What is on screen then stays; the rest follows in the full ranking.
      function first(search, count) {
        if (id !== serial) return Promise.reject(new Error("a newer search")); // spares Pagefind the full ranking
        results = search.results;
        return showMore(id, false, describe(term, filters, count === null ? -1 : count));  // -1: still counting
      }
      return window.ShowcasePagefind.search(base, term || null, { filters: filters }, first).then(function (search) {
        if (id !== serial) return;
        var all = search ? search.results : [];
        if (shown > 0) {  // the first slice is on screen
          status.textContent = describe(term, filters, all.length);
          var seen = {};
          results.slice(0, shown).forEach(function (result) { seen[result.id] = true; });
          results = results.slice(0, shown).concat(all.filter(function (result) { return !seen[result.id]; }));
          more.hidden = shown >= results.length;
          return;
        }
        results = all;
        return showMore(id, false, describe(term, filters, all.length));
      }).catch(function () {
        if (id !== serial) return;
        status.textContent = "検索を読み込めませんでした。時間をおいて再読み込みするか、一覧ページからお探しください。";
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", function () {  // results while typing, once the typing pauses
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 300);
    });
    selects.forEach(function (select) { select.addEventListener("change", run); });
    form.addEventListener("reset", function () {
      window.setTimeout(run, 0);  // after the browser has cleared the fields
    });
    more.addEventListener("click", function () { showMore(serial, true); });
    input.addEventListener("focus", function () { window.ShowcasePagefind.load(base).catch(function () {}); }, { once: true });

    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
        filterBox.open = true;
      }
    });
    if (input.value || Object.keys(chosenFilters()).length) run();
    else input.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
