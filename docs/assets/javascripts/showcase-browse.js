/* Index pages: filter and sort every record of the listing (issue 16).
   The form (partials/browse-form.html) describes its facets in JSON; the rows come from build-time slices
   (showcase.outputs.browse_slices: one prefecture, municipality, field or status per file, or all.json for a sort of the
   whole list), the cards from each record's card.json: the server's own card markup.  Nothing is downloaded until
   a visitor filters or sorts.  The state lives in the address (?都道府県=長野県&並び順=新着&ページ=2), so reload,
   back and a shared link show the same view.  Without JavaScript the form stays hidden and the links filter. */
(function () {
  "use strict";

  function start() {
    var box = document.querySelector("[data-cs-browse]");
    if (!box) return;
    var config = JSON.parse(box.querySelector("[data-cs-browse-config]").textContent);
    var root = new URL(box.getAttribute("data-cs-root"), window.location.href);
    var form = box.querySelector("form");
    var status = box.querySelector(".cs-browse__status");
    var list = document.querySelector("[data-cs-browse-list]");
    var results = document.querySelector("[data-cs-browse-results]");
    var countLine = results.querySelector("[data-cs-count]");
    var heading = results.querySelector("[data-cs-heading]");
    var cardBox = results.querySelector("[data-cs-cards]");
    var empty = results.querySelector("[data-cs-empty]");
    var pages = results.querySelector("[data-cs-pages]");
    var byParam = {};
    config.facets.forEach(function (facet) { byParam[facet.param] = facet; });
    var slices = {};
    var cards = {};
    var latest = 0;  // a newer view makes an older one's answer stale
    form.hidden = false;

    function select(param) { return form.querySelector('select[name="' + param + '"]'); }

    function readState(search) {
      var params = new URLSearchParams(search);
      var state = { filters: {}, sort: params.get(config.sortParam) || "", page: parseInt(params.get(config.pageParam), 10) || 1 };
      config.facets.forEach(function (facet) {
        var value = params.get(facet.param);
        if (facet.shown && value) state.filters[facet.param] = value;
      });
      if (!config.sorts.some(function (sort) { return sort[0] === state.sort; })) state.sort = "";
      return state;
    }

    function active(state) { return Object.keys(state.filters).length > 0 || state.sort !== ""; }

    function address(state, page) {
      var params = new URLSearchParams();
      config.facets.forEach(function (facet) {
        if (state.filters[facet.param]) params.set(facet.param, state.filters[facet.param]);
      });
      if (state.sort) params.set(config.sortParam, state.sort);
      if (page > 1) params.set(config.pageParam, String(page));
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    function fetchSlice(collection, facet, option) {
      return fetchData("browse/" + collection + "/" + (facet ? facet.key + "/" + option[1] : "all") + ".json");
    }

    function fetchData(path) {
      var url = new URL(path, root).href;
      if (!slices[url]) {
        slices[url] = fetch(url).then(function (response) {
          if (response.status === 404) return { columns: [], rows: [] };
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.json();
        });
        slices[url].catch(function () { delete slices[url]; });  // a later view tries again
      }
      return slices[url];
    }

    function optionOf(facet, value) {
      return facet.options.filter(function (option) { return option[0] === value; })[0];
    }

    // Options of a facet narrowed by another (市区町村 by 都道府県): from the slices of the chosen parent.
    function loadNarrowed(facet, parentValue) {
      var parent = byParam[facet.within];
      var option = parent && optionOf(parent, parentValue);
      if (!option) { facet.options = []; return Promise.resolve(); }
      var wanted = config.collections.filter(function (c, i) { return parent.kinds.indexOf(config.kinds[i]) >= 0; });
      return Promise.all(wanted.map(function (c) { return fetchSlice(c, parent, option); })).then(function (found) {
        var merged = {};
        var order = [];
        found.forEach(function (data) {
          ((data.options || {})[facet.param] || []).forEach(function (o) {
            if (!merged[o[0]]) { merged[o[0]] = o.slice(); order.push(o[0]); } else merged[o[0]][3] += o[3];
          });
        });
        facet.options = order.map(function (value) { return merged[value]; });
      });
    }

    function fillSelect(facet) {
      var element = select(facet.param);
      if (!element) return;
      var parentChosen = !facet.within || config.fixed[facet.within] || select(facet.within).value;
      var options = [new Option(parentChosen ? "すべて" : "すべて（先に" + facet.within + "を選んでください）", "")];
      facet.options.forEach(function (o) { options.push(new Option(o[2] + "（" + o[3].toLocaleString("ja-JP") + "）", o[0])); });
      element.replaceChildren.apply(element, options);
      element.disabled = !parentChosen;
    }

    function narrowedBy(param) {
      return config.facets.filter(function (facet) { return facet.within === param && facet.shown; });
    }

    // The form shows the state; the options of narrowed facets are loaded first.
    function showState(state) {
      var waits = [];
      config.facets.forEach(function (facet) {
        var element = select(facet.param);
        if (element && !facet.within) element.value = state.filters[facet.param] || "";
      });
      config.facets.forEach(function (facet) {
        if (!facet.within || !facet.shown || config.fixed[facet.within]) return;
        var parentValue = state.filters[facet.within];
        waits.push((parentValue ? loadNarrowed(facet, parentValue) : Promise.resolve(facet.options = [])).then(function () {
          fillSelect(facet);
          select(facet.param).value = state.filters[facet.param] || "";
        }));
      });
      select(config.sortParam).value = state.sort;
      return Promise.all(waits);
    }

    function formState() {
      var state = { filters: {}, sort: select(config.sortParam).value, page: 1 };
      config.facets.forEach(function (facet) {
        var element = select(facet.param);
        if (element && facet.shown && element.value && !element.disabled) state.filters[facet.param] = element.value;
      });
      return state;
    }

    // Every condition in force: what the page fixes and what the visitor chose.
    function conditions(state) {
      var all = {};
      Object.keys(config.fixed).forEach(function (param) { all[param] = config.fixed[param]; });
      Object.keys(state.filters).forEach(function (param) { all[param] = state.filters[param]; });
      return all;
    }

    // A column's getter: its cell in a row, or the value every row of the slice shares (its "constants").
    function column(data, name) {
      var index = data.columns.indexOf(name);
      if (index >= 0) return function (row) { return row[index]; };
      var value = (data.constants || {})[name];
      return function () { return value; };
    }

    function matches(data, conds) {
      var tests = Object.keys(conds).map(function (param) {
        return { cell: column(data, byParam[param].key), value: conds[param] };
      });
      return data.rows.filter(function (row) {
        return tests.every(function (test) {
          var cell = test.cell(row);
          return cell === test.value || (Array.isArray(cell) && cell.indexOf(test.value) >= 0);
        });
      });
    }

    // The matching rows of every collection the page lists, in the chosen order.
    function findRows(state) {
      var conds = conditions(state);
      var narrowest = null;
      var unknown = false;
      Object.keys(conds).forEach(function (param) {
        var facet = byParam[param];
        if (!facet) { unknown = true; return; }
        var option = optionOf(facet, conds[param]);
        if (!option) { unknown = true; return; }  // no record has it: nothing to download
        if (facet.sliced && (!narrowest || option[3] < narrowest.option[3])) narrowest = { facet: facet, option: option };
      });
      if (unknown) return Promise.resolve([]);
      if (!Object.keys(conds).length && config.collections.length === 1) {  // a sort of the whole list: its order file
        var sort = config.sorts.filter(function (s) { return s[0] === state.sort; })[0];
        var collection = config.collections[0];
        return fetchData("browse/" + collection + "/order/" + sort[2] + ".json").then(function (slugs) {
          return slugs.map(function (slug) { return { collection: collection, slug: slug }; });
        });
      }
      return Promise.all(config.collections.map(function (collection, i) {
        var kind = config.kinds[i];
        var applies = Object.keys(conds).every(function (param) { return byParam[param].kinds.indexOf(kind) >= 0; });
        if (!applies) return [];
        var sliced = narrowest && narrowest.facet.kinds.indexOf(kind) >= 0;
        return fetchSlice(collection, sliced ? narrowest.facet : null, sliced ? narrowest.option : null).then(function (data) {
          var rank = state.sort ? column(data, state.sort) : function () { return 0; };
          return matches(data, conds).map(function (row) {
            return { collection: collection, slug: row[0], rank: rank(row) };
          });
        });
      })).then(function (parts) {
        var rows = [].concat.apply([], parts);
        if (state.sort) rows.sort(function (a, b) { return a.rank - b.rank; });  // stable: ties keep the listing order
        return rows;
      });
    }

    function resolveLinks(fragment, base) {
      fragment.querySelectorAll("[href]").forEach(function (el) { el.setAttribute("href", new URL(el.getAttribute("href"), base).href); });
      fragment.querySelectorAll("[src]").forEach(function (el) { el.setAttribute("src", new URL(el.getAttribute("src"), base).href); });
      fragment.querySelectorAll("[srcset]").forEach(function (el) {
        el.setAttribute("srcset", el.getAttribute("srcset").split(",").map(function (part) {
          var bits = part.trim().split(/\s+/);
          bits[0] = new URL(bits[0], base).href;
          return bits.join(" ");
        }).join(", "));
      });
    }

    function fetchCard(row) {
      var url = new URL(row.collection + "/" + row.slug + "/card.json", root).href;
      if (!cards[url]) {
        cards[url] = fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.json();
        }).then(function (data) {
          var template = document.createElement("template");
          template.innerHTML = data.html;  // our own card partial's output, escaped by the build
          resolveLinks(template.content, url);
          return template;
        });
        cards[url].catch(function () { delete cards[url]; });
      }
      return cards[url].then(function (template) { return template.content.cloneNode(true); });
    }

    function pageLink(state, number, label, rel) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = address(state, number);
      link.textContent = label;
      link.setAttribute("data-cs-page", String(number));
      if (rel) link.rel = rel;
      item.appendChild(link);
      return item;
    }

    // The same links as partials/pagination.html: previous, first, last, two either side, next.
    function showPages(state, count) {
      var items = [];
      if (state.page > 1) items.push(pageLink(state, state.page - 1, "前のページ", "prev"));
      for (var n = 1; n <= count; n++) {
        var distance = Math.abs(n - state.page);
        if (n === 1 || n === count || distance <= 2) {
          if (n === state.page) {
            var item = document.createElement("li");
            var current = document.createElement("span");
            current.setAttribute("aria-current", "page");
            current.textContent = String(n);
            item.appendChild(current);
            items.push(item);
          } else items.push(pageLink(state, n, String(n)));
        } else if (distance === 3) {
          var gap = document.createElement("li");
          gap.setAttribute("aria-hidden", "true");
          gap.textContent = "…";
          items.push(gap);
        }
      }
      if (state.page < count) items.push(pageLink(state, state.page + 1, "次のページ", "next"));
      pages.querySelector("ul").replaceChildren.apply(pages.querySelector("ul"), items);
      pages.hidden = count <= 1;
    }

    function describe(state) {
      var parts = Object.keys(state.filters).map(function (param) {
        var option = optionOf(byParam[param], state.filters[param]);
        return option ? option[2] : state.filters[param];
      });
      var sort = config.sorts.filter(function (s) { return s[0] === state.sort; })[0];
      if (state.sort && sort) parts.push(sort[1]);
      return parts.join("・");
    }

    function show(state, options) {
      var mine = ++latest;
      if (!active(state)) {
        results.hidden = true;
        list.hidden = false;
        status.textContent = "";
        return Promise.resolve();
      }
      status.classList.remove("cs-visually-hidden");
      status.textContent = "読み込んでいます…";
      return findRows(state).then(function (rows) {
        var perPage = config.perPage;
        var count = Math.max(1, Math.ceil(rows.length / perPage));
        state.page = Math.min(Math.max(1, state.page), count);
        var shown = rows.slice((state.page - 1) * perPage, state.page * perPage);
        return Promise.all(shown.map(fetchCard)).then(function (fragments) {
          if (mine !== latest) return;
          cardBox.replaceChildren.apply(cardBox, fragments);
          var total = rows.length.toLocaleString("ja-JP") + "件";
          var where = count > 1 ? "（" + state.page + "/" + count + "ページ）" : "";
          countLine.textContent = total + where;
          empty.hidden = rows.length > 0;
          showPages(state, count);
          list.hidden = true;
          results.hidden = false;
          heading.textContent = "絞り込みの結果（" + describe(state) + "）";
          // Announced once the cards it counts are on screen; on screen, the count above the cards says it.
          status.textContent = describe(state) + ": " + total + where;
          status.classList.add("cs-visually-hidden");
          if (options && options.focus) heading.focus();
        });
      }).catch(function () {
        if (mine !== latest) return;
        status.classList.remove("cs-visually-hidden");
        status.textContent = "絞り込みを読み込めませんでした。下の一覧やリンクからお探しください。";
        results.hidden = true;
        list.hidden = false;
      });
    }

    function go(state, options) {
      var target = address(state, state.page);
      if (target !== window.location.pathname + window.location.search) window.history.pushState(null, "", target);
      return show(state, options);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      go(formState());
    });
    box.querySelector("[data-cs-browse-clear]").addEventListener("click", function () {
      var state = { filters: {}, sort: "", page: 1 };
      showState(state);
      go(state);
    });
    config.facets.forEach(function (facet) {
      var element = select(facet.param);
      if (!element || !narrowedBy(facet.param).length) return;
      element.addEventListener("change", function () {
        narrowedBy(facet.param).forEach(function (child) {
          var wait = element.value ? loadNarrowed(child, element.value) : Promise.resolve(child.options = []);
          wait.then(function () { fillSelect(child); }, function () { child.options = []; fillSelect(child); });
        });
      });
    });
    pages.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-cs-page]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var state = readState(window.location.search);
      state.page = parseInt(link.getAttribute("data-cs-page"), 10);
      go(state, { focus: true });
    });
    window.addEventListener("popstate", function () {
      var state = readState(window.location.search);
      showState(state).then(function () { show(state); });
    });

    var initial = readState(window.location.search);
    config.facets.forEach(function (facet) { if (facet.within && facet.shown && !config.fixed[facet.within]) fillSelect(facet); });
    if (active(initial)) showState(initial).then(function () { show(initial); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
