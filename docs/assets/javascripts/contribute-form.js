/* The contribute form (/contribute/profile/, /contribute/case/): repeating groups, checks as you type with the
   validator compiled from the committed JSON Schema (contribute-validate.js) and the validator's own messages
   (embedded as #cs-contribute-data), the YAML (contribute-yaml.js), drafts in this browser's localStorage, photos
   cleaned on a canvas, and the link that hands the YAML to GitHub.  Nothing is sent anywhere before that link. */
(function () {
  "use strict";
  var dataEl = document.getElementById("cs-contribute-data");
  var form = document.getElementById("cs-contribute-form");
  if (!dataEl || !form || !window.ShowcaseValidators || !window.ShowcaseYaml || !window.ShowcaseRules) return;
  var cfg = JSON.parse(dataEl.textContent);
  var validate = window.ShowcaseValidators[cfg.kind];
  var write = window.ShowcaseYaml.writer(cfg);
  var draftKey = "chiiki-showcase:contribute:" + cfg.kind;
  var slugRule = new RegExp(cfg.slug.pattern);  // also guards ?from= below
  var result = document.getElementById("cs-contribute-result");
  var summary = document.getElementById("cs-contribute-summary");
  var $ = function (selector, within) { return (within || document).querySelector(selector); };
  var touched = {};
  var showAll = false;
  var fromSlug = new URLSearchParams(location.search).get("from");

  /* ---- repeating groups ---- */
  function listItems(list) { return list.querySelector(":scope > [data-items]"); }
  function renumber(list) {
    var key = list.dataset.list;
    var pattern = new RegExp("(^|\\s)(f-)?" + key + "([.-])(__i__|\\d+)", "g");
    Array.prototype.forEach.call(listItems(list).children, function (item, index) {
      item.querySelector("[data-item-number]").textContent = index + 1;
      item.querySelectorAll("*").forEach(function (el) {
        ["name", "id", "for", "aria-describedby", "data-error-for", "data-photo-for", "data-field"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(pattern, "$1$2" + key + "$3" + index));
        });
      });
    });
    var count = listItems(list).children.length;
    list.querySelectorAll("[data-remove-item]").forEach(function (b) { b.disabled = count <= Number(list.dataset.min || 0); });
    var add = list.querySelector(":scope > [data-add-item]");
    add.disabled = Boolean(list.dataset.max) && count >= Number(list.dataset.max);
  }
  function addItem(list) {
    var node = list.querySelector(":scope > template").content.firstElementChild.cloneNode(true);
    listItems(list).appendChild(node);
    renumber(list);
    return node;
  }
  function setCount(list, count) {
    while (listItems(list).children.length < count) addItem(list);
    while (listItems(list).children.length > Math.max(count, Number(list.dataset.min || 0))) listItems(list).lastElementChild.remove();
    renumber(list);
  }
  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-item]");
    var remove = event.target.closest("[data-remove-item]");
    if (add) {
      var node = addItem(add.closest("[data-list]"));
      node.querySelector("input, select, textarea").focus();
      changed();
    } else if (remove) {
      var list = remove.closest("[data-list]");
      remove.closest("[data-item]").remove();
      renumber(list);
      list.querySelector(":scope > [data-add-item]").focus();
      changed();
    }
  });
  form.querySelectorAll("[data-list]").forEach(renumber);

  /* ---- the record the inputs describe ---- */
  function plainPath(name) { return name.replace(/\.\d+(?=\.|$)/g, ""); }
  function setPath(target, parts, value) {
    for (var i = 0; i < parts.length - 1; i++) target = target[parts[i]] = target[parts[i]] || {};
    target[parts[parts.length - 1]] = value;
  }
  function collect() {
    var record = {};
    form.querySelectorAll("[data-list]").forEach(function (list) {  // one slot per item: an empty item is flagged
      var count = listItems(list).children.length;
      if (count) record[list.dataset.list] = Array.from({ length: count }, function () { return list.hasAttribute("data-strings") ? "" : {}; });
    });
    form.querySelectorAll("[data-group][data-required]").forEach(function (group) {  // each missing child at its field
      if (group.dataset.group.indexOf(".") < 0) record[group.dataset.group] = {};
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.hasAttribute("data-form-only") || el.type === "file") return;
      if (el.type === "checkbox" && el.hasAttribute("data-boolean")) { if (el.checked) setPath(record, el.name.split("."), true); return; }
      if (el.type === "checkbox") { if (el.checked) (record[el.name] = record[el.name] || []).push(el.value); return; }
      var value = el.value.replace(/\r\n?/g, "\n").trim();
      if (value === "") return;
      if (cfg.number_fields.indexOf(plainPath(el.name)) >= 0 && /^\d+$/.test(value)) value = Number(value);
      setPath(record, el.name.split("."), value);
    });
    return record;
  }

  /* ---- checks: the compiled schema, then what JSON Schema cannot say (shared data from the build) ---- */
  function label(path) {
    var key = plainPath(path);
    return (cfg.labels[key] || key) + "（" + key.split(".").pop() + "）";
  }
  function message(code, path, limit) {
    var entry = cfg.messages[code] || cfg.messages.pattern;
    return entry.ja.replace("{name}", label(path)).replace("{limit}", limit === undefined ? "" : limit);
  }
  function problems(record) {
    var found = {};
    function add(path, text) { if (!(path in found)) found[path] = text; }
    var checklist = form.querySelectorAll('[name="consent.checklist"]');
    if (checklist.length && form.querySelectorAll('[name="consent.checklist"]:checked').length < checklist.length) {
      add("consent.checklist", "掲載への同意の確認が済んでいません。すべて確かめてからチェックしてください");
    }
    if (!validate(record)) {
      validate.errors.forEach(function (error) {
        var path = error.instancePath.split("/").slice(1).join(".");
        var code = error.keyword;
        if (code === "anyOf" && cfg.any_of[error.schemaPath]) { add(path, message(cfg.any_of[error.schemaPath], path)); return; }
        if (code === "anyOf" || (code === "type" && error.params.type === "null")) return;  // an optional field's "or null"
        if (code === "required" && /\/anyOf\/\d+\/required$/.test(error.schemaPath)) return;  // "one of these": above
        if (code === "required") path = (path ? path + "." : "") + error.params.missingProperty;
        if (code === "type" && error.params.type === "integer") code = "integer";
        if (code === "pattern") code = cfg.patterns[error.params.pattern] || "pattern";
        add(path, message(code, path, error.params.limit));
      });
    }
    window.ShowcaseRules.check(cfg, record, form.elements.slug.value.trim(), add, message, found);  // contribute-rules.js
    return found;
  }
  function placeOf(path) {  // where a problem is shown: at its field, else at the closest parent that has a place
    for (var p = path; p; p = p.indexOf(".") < 0 ? "" : p.replace(/\.[^.]*$/, "")) {
      var place = form.querySelector('[data-error-for="' + p + '"]');
      if (place) return place;
    }
    return null;
  }
  function fieldOf(place) {
    return form.querySelector('[name="' + place.dataset.errorFor + '"]') ||
      place.closest("fieldset, .cs-form__field").querySelector("input:not([type=file]), select, textarea") || place.closest("fieldset");
  }
  function show(found, all) {
    var shown = {};
    Object.keys(found).forEach(function (path) {
      var place = placeOf(path);
      if (place && (all || touched[place.dataset.errorFor]) && !(place.dataset.errorFor in shown)) shown[place.dataset.errorFor] = found[path];
    });
    form.querySelectorAll("[data-error-for]").forEach(function (place) {
      var text = shown[place.dataset.errorFor];
      place.hidden = !text;
      place.textContent = text || "";
      var field = fieldOf(place);
      var group = place.closest("fieldset.cs-form__choices, fieldset.cs-form__consent, fieldset.cs-form__list");
      var inputs = group && place.parentElement === group ? group.querySelectorAll(":scope > .cs-form__options input") : [field];
      Array.prototype.forEach.call(inputs, function (input) {
        if (!input || input.tagName === "FIELDSET") return;
        if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      });
    });
    var list = summary.querySelector("ul");
    list.textContent = "";
    form.querySelectorAll("[data-error-for]").forEach(function (place) {  // in the order of the form
      if (!shown[place.dataset.errorFor]) return;
      var field = fieldOf(place);
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (field.id || place.id);
      var group = place.closest("[data-item]");  // 「活動内容 2件目の活動の見出し」: which item of a repeating group
      var within = group ? group.closest("[data-list]").querySelector("legend").firstChild.textContent.trim() + " " +
        group.querySelector("[data-item-number]").textContent + "件目の" : "";
      link.textContent = within + place.closest("fieldset, .cs-form__field").querySelector("label, legend").textContent
        .replace(/\s*(必須|任意)\s*/g, "").trim() + ": " + shown[place.dataset.errorFor];
      link.addEventListener("click", function (event) { event.preventDefault(); field.focus(); });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = !(all && list.children.length);
    return list.children.length;
  }

  /* ---- the YAML and the way to GitHub ---- */
  function make() {
    var record = collect();
    var count = show(problems(record), true);
    if (count) {
      result.hidden = true;
      $("#cs-contribute-summary-title").textContent = "入力内容に " + count + " 件の問題があります。直すと YAML を作れます";
      summary.focus();
      return;
    }
    var slug = form.elements.slug.value.trim();
    var path = cfg.folder + "/" + slug + "/" + cfg.file;
    var yaml = write(record, [cfg.schema_line, cfg.title_line + ": " + path]);
    $("[data-contribute=yaml]").value = yaml;
    $("[data-contribute=path]").textContent = path;
    $("[data-contribute=folder]").textContent = cfg.folder + "/" + slug + "/";
    $("[data-contribute=github]").href = fromSlug ? cfg.repo_url + "/edit/main/" + path
      : cfg.repo_url + "/new/main?filename=" + encodeURIComponent(path) + "&value=" + encodeURIComponent(yaml);
    $("[data-contribute=steps-new]").hidden = Boolean(fromSlug);
    $("[data-contribute=steps-edit]").hidden = !fromSlug;
    var download = $("[data-contribute=download]");
    if (download.href.indexOf("blob:") === 0) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([yaml], { type: "text/yaml;charset=utf-8" }));
    $("[data-contribute=photo-help]").hidden = !record.photos;
    result.hidden = false;
    $("#cs-contribute-result-title").focus();
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); showAll = true; make(); });
  $("[data-contribute=copy]").addEventListener("click", function () {
    var text = $("[data-contribute=yaml]");
    var status = $("[data-contribute=copy-status]");
    (navigator.clipboard ? navigator.clipboard.writeText(text.value) : Promise.reject(new Error("no clipboard"))).then(
      function () { status.textContent = "コピーしました"; },
      function () { text.select(); status.textContent = "選択しました。Ctrl+C（Mac は ⌘+C）でコピーしてください"; });
  });

  /* ---- the folder name, suggested from the reading until the contributor writes one of their own ---- */
  var suggested = "";
  form.addEventListener("input", function (event) {
    var slug = form.elements.slug;
    if (event.target.name !== "name_kana" || fromSlug || (slug.value && slug.value !== suggested)) return;
    slug.value = suggested = window.ShowcaseRules.suggestFolder(cfg, event.target.value);
  });

  /* ---- checking as they type, and the draft (this browser only) ---- */
  var saveTimer = 0;
  function changed() {
    show(problems(collect()), showAll);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 300);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) { if (event.target.name) touched[event.target.name] = true; changed(); });
  form.addEventListener("focusout", function (event) {
    if (event.target.name && event.target.value && !touched[event.target.name]) {
      touched[event.target.name] = true;
      show(problems(collect()), showAll);
    }
  });
  function saveDraft() {
    if (fromSlug) return;
    var counts = {};
    form.querySelectorAll("[data-list]").forEach(function (list) { counts[list.dataset.list] = listItems(list).children.length; });
    var values = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.type !== "file") values.push([el.name, el.type === "checkbox" ? (el.checked ? el.value : null) : el.value]);
    });
    try { localStorage.setItem(draftKey, JSON.stringify({ counts: counts, values: values })); } catch (e) { /* no storage: no draft */ }
  }
  function fill(counts, values) {
    form.querySelectorAll("[data-list]").forEach(function (list) { setCount(list, counts[list.dataset.list] || 0); });
    values.forEach(function (pair) {
      form.querySelectorAll('[name="' + pair[0] + '"]').forEach(function (el) {
        if (el.type === "checkbox") { if (pair[1] === el.value) el.checked = true; } else if (pair[1] !== null) el.value = pair[1];
        if (el.tagName === "SELECT" && pair[1] && el.value !== pair[1]) el.setAttribute("data-pending", pair[1]);  // options come later
      });
    });
    form.dispatchEvent(new Event("contribute:filled"));
  }
  $("[data-contribute=clear-draft]").addEventListener("click", function () {
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing stored */ }
    clearTimeout(saveTimer);
    form.reset();
    form.querySelectorAll("[data-list]").forEach(function (list) { setCount(list, 0); });
    touched = {};
    showAll = false;
    show({}, false);
    result.hidden = true;
    $("[data-contribute=status]").textContent = "下書きを削除しました";
  });
  var draft = null;
  try { draft = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { draft = null; }
  if (draft && !fromSlug) {
    fill(draft.counts || {}, draft.values || []);
    $("[data-contribute=status]").textContent = "このブラウザに残っていた下書きを読み込みました（写真は選び直してください）";
  }

  /* ---- updating a published record: ?from=<slug> loads its open data (which has no contact fields) ---- */
  function flatten(value, prefix, out) {
    if (Array.isArray(value) && value.length && typeof value[0] !== "object" && !form.querySelector('[data-list="' + prefix + '"]')) {
      value.forEach(function (item) { out.push([prefix, String(item)]); });  // checkboxes share one name
    } else if (Array.isArray(value)) {
      value.forEach(function (item, i) { flatten(item, prefix + "." + i, out); });
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) { flatten(value[key], prefix ? prefix + "." + key : key, out); });
    } else if (value !== null && value !== undefined) {
      out.push([prefix, String(value)]);
    }
    return out;
  }
  if (fromSlug) {
    var from = $("[data-contribute=from-status]");
    from.hidden = false;
    from.textContent = "掲載中の「" + fromSlug + "」を読み込んでいます…";
    var missing = function () { from.textContent = "「" + fromSlug + "」は掲載されていません"; };
    if (!slugRule.test(fromSlug)) { missing(); return; }
    fetch(new URL("../../data/" + cfg.folder + "/" + fromSlug + ".json", location.href)).then(function (response) {
      return response.status === 404 ? null : response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (data) {  // the record's own open-data file (data/<folder>/<slug>.json), not the whole collection
      var record = data && data.record;
      if (!record) { missing(); return; }
      var counts = {};
      Object.keys(record).forEach(function (key) { if (Array.isArray(record[key])) counts[key] = record[key].length; });
      fill(counts, flatten(record, "", []).concat([["slug", fromSlug]]));
      if (form.elements["consent.checklist"]) form.querySelectorAll('[name="consent.checklist"]').forEach(function (box) { box.checked = false; });
      from.textContent = "掲載中の「" + record.name + "」を読み込みました。直したら「確認して YAML を作る」を押してください（連絡先は公開データにないので、載せる場合は書き直してください）。";
    }, function () { from.textContent = "掲載中のデータを読み込めませんでした"; });
  }
})();
