/* 「このページを埋め込む」 blocks: copy buttons (announced through the block's status line) and a live
 * preview that is loaded only when the block is opened.  Without JavaScript the code stays selectable in
 * its text area and the preview is a link. */
(function () {
  "use strict";
  var MESSAGE = "chiiki-showcase:height";
  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
  var previews = [];

  function announce(block, text) {
    var status = block.querySelector(".cs-embed__status");
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50); // re-announced on every press
  }

  function selectAndCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(block, button) {
    var field = document.getElementById(button.getAttribute("data-cs-copy"));
    var done = function (ok) {
      announce(block, ok ? "コードをコピーしました。貼り付けて使えます。"
                         : "コピーできませんでした。コードを選択してコピーしてください。");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); },
                                                      function () { done(selectAndCopy(field)); });
    } else {
      done(selectAndCopy(field));
    }
  }

  function openPreview(block) {
    var holder = block.querySelector("[data-cs-embed-preview]");
    if (!holder || holder.querySelector("iframe")) return;
    var iframe = document.createElement("iframe");
    iframe.src = holder.getAttribute("data-cs-embed-preview");
    iframe.title = holder.getAttribute("data-title") + "（プレビュー）";
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.style.height = (parseInt(holder.getAttribute("data-height"), 10) || 480) + "px";
    holder.textContent = "";
    holder.appendChild(iframe);
    previews.push(iframe);
  }

  // The preview resizes like embed.js does on a host page: only messages from our own preview frames.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== MESSAGE) return;
    if (typeof data.height !== "number" || !isFinite(data.height) || data.height < 50 || data.height > 10000) return;
    if (event.origin !== "null" && event.origin !== window.location.origin) return;
    previews.forEach(function (iframe) {
      if (event.source && iframe.contentWindow === event.source) iframe.style.height = Math.ceil(data.height) + "px";
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-cs-embed]"), function (block) {
    Array.prototype.forEach.call(block.querySelectorAll("[data-cs-copy]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(block, button); });
    });
    block.addEventListener("toggle", function () { if (block.open) openPreview(block); });
    if (block.open) openPreview(block);
  });
})();
