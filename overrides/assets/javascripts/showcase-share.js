/* 「リンクをコピー」 (overrides/partials/page-end.html): copies the page's address and says so in the status line.
 * No third-party share widget.  Without JavaScript the button stays hidden and the address stays visible. */
(function () {
  "use strict";
  function say(status, text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50); // re-announced on every press
  }
  function copyBySelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-cs-share]"), function (button) {
    var status = button.parentNode.querySelector(".cs-share__status");
    var url = button.getAttribute("data-cs-share");
    var done = function (ok) {
      say(status, ok ? "このページのアドレスをコピーしました。" : "コピーできませんでした。表示されているアドレスを選択してコピーしてください。");
    };
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(copyBySelection(url)); });
      } else {
        done(copyBySelection(url));
      }
    });
  });
})();
