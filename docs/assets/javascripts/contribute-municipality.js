/* The municipality in the contribute form, chosen from the official list (/data/municipalities.json, a build
   output of showcase.content.municipalities): once the list loads, the municipality becomes a select narrowed by
   the chosen prefecture, and choosing one fills the 全国地方公共団体コード.  Without the list (an older build, or
   the request failing) both stay text fields, checked by the schema's pattern as before. */
(function () {
  "use strict";
  var form = document.getElementById("cs-contribute-form");
  if (!form || !form.elements.prefecture || !form.elements.municipality || !form.elements.municipality_code) return;

  function notify(field) { field.dispatchEvent(new Event("change", { bubbles: true })); }

  function useList(list) {
    var byPrefecture = {};
    (list.prefectures || []).forEach(function (prefecture) { byPrefecture[prefecture.name] = prefecture.municipalities || []; });
    var text = form.elements.municipality;
    var code = form.elements.municipality_code;
    var select = document.createElement("select");
    ["id", "name", "aria-required", "aria-describedby"].forEach(function (attr) {
      if (text.hasAttribute(attr)) select.setAttribute(attr, text.getAttribute(attr));
    });
    var help = document.getElementById(text.id + "-help");
    if (help) help.textContent = "都道府県を選ぶと、その市区町村から選べます。全国地方公共団体コードは自動で入ります";
    function fill(keep) {
      var towns = byPrefecture[form.elements.prefecture.value] || [];
      select.textContent = "";
      var first = document.createElement("option");
      first.value = "";
      first.textContent = towns.length ? "選んでください" : "先に都道府県を選んでください";
      select.appendChild(first);
      towns.forEach(function (town) {
        var option = document.createElement("option");
        option.value = town.name;
        option.textContent = town.name + "（" + town.reading + "）";
        option.dataset.code = town.code;
        select.appendChild(option);
      });
      select.value = towns.some(function (town) { return town.name === keep; }) ? keep : "";
    }
    function setCode() {
      var chosen = select.options[select.selectedIndex];
      code.value = chosen && chosen.dataset.code ? chosen.dataset.code : "";
      notify(code);
    }
    fill(text.value);
    text.replaceWith(select);
    code.readOnly = true;
    if (select.value) setCode();
    form.elements.prefecture.addEventListener("change", function () { fill(select.value); setCode(); });
    select.addEventListener("change", setCode);
    // A draft or ?from= record filled the fields before the list arrived, or fills them later: follow it.
    form.addEventListener("contribute:filled", function () {
      fill(select.getAttribute("data-pending") || select.value);
      select.removeAttribute("data-pending");
      setCode();
    });
  }

  fetch(new URL("../../data/municipalities.json", location.href))
    .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(response.status)); })
    .then(useList, function () { /* no list in this build: the text fields stay */ });
})();
