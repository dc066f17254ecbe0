/* Search page: Pagefind's UI, started with the query from ?q= (the header's search form). */
(function () {
  "use strict";
  var element = document.getElementById("cs-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#cs-search",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "キーワードを入力（例: 見守り）", zero_results: "「[SEARCH_TERM]」に一致するページはありません" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  var input = element.querySelector("input");
  if (input) {
    input.setAttribute("aria-label", "サイト内検索");
    if (!query) input.focus();
  }
})();
