/* The navigation drawer (narrow screens) by keyboard.  Material opens it with <label for="__drawer">, which a
   keyboard cannot reach.  With JavaScript, a real <button> replaces that label: it says whether the drawer is open
   (aria-expanded), moves focus into the drawer, and Escape closes it and returns focus.  Without JavaScript the
   label stays, as before. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".cs-drawer-button");
  var label = document.querySelector(".cs-drawer-label");
  if (!toggle || !button) return;
  button.hidden = false;
  if (label) label.hidden = true;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function firstLinkInDrawer() {
    return document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex='0']");
  }

  button.addEventListener("click", function () {
    toggle.click();
    sync();
    if (toggle.checked) {
      var target = firstLinkInDrawer();
      if (target) target.focus();
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      sync();
      button.focus();
    }
  });
  sync();
})();
