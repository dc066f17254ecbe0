/* Index pages: combined filters (prefecture × field × status) on top of the static facet links.
   Uses Pagefind's filter index, so it scales to the national corpus without a big JSON download.
   Without JavaScript the form stays hidden and the facet links keep working. */
(function () {
  "use strict";

  function start() {
    var box = document.querySelector("[data-cs-filter]");
    if (!box) return;
    var form = box.querySelector("form");
    var status = box.querySelector(".cs-filter__status");
    var results = box.querySelector(".cs-filter__results");
    var kind = box.getAttribute("data-cs-filter") === "profile" ? "地域おこし協力隊" : "地域運営組織";
    var base = box.getAttribute("data-pagefind-base");
    form.hidden = false;

    function card(data) {
      var article = document.createElement("article");
      article.className = "cs-card";
      var heading = document.createElement("h3");
      heading.className = "cs-card__title";
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "cs-card__meta";
      meta.textContent = window.ShowcasePagefind.metaLine(data);
      article.appendChild(heading);
      article.appendChild(meta);
      return article;
    }

    var latest = 0;  // a newer submit or a reset makes an older run's answer stale

    function run(event) {
      if (event) event.preventDefault();
      var filters = { "種別": kind };
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        if (select.value) filters[select.name] = select.value;
      });
      var mine = ++latest;
      status.textContent = "検索しています…";
      results.replaceChildren();
      var total = 0;
      window.ShowcasePagefind.search(base, null, { filters: filters }).then(function (search) {
        total = search.results.length;
        return Promise.all(search.results.slice(0, 60).map(function (r) { return r.data(); }));
      }).then(function (items) {
        if (mine !== latest) return;
        // The count is announced only once the cards it counts are on screen.
        results.replaceChildren.apply(results, items.map(card));
        status.textContent = total + "件が見つかりました" + (total > 60 ? "（先頭60件を表示）" : "");
      }).catch(function () {
        if (mine !== latest) return;
        status.textContent = "絞り込みを読み込めませんでした。下の一覧やリンクからお探しください。";
      });
    }

    form.addEventListener("submit", run);
    form.addEventListener("reset", function () {
      latest++;
      status.textContent = "";
      results.replaceChildren();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
