/* 「このページを埋め込む」 blocks: the auto-height code (written here from the iframe code and the block's
 * data-cs-embed-* URLs), copy buttons (announced through the block's status line) and a live preview that is
 * loaded only when the block is opened.  Without JavaScript the iframe code stays selectable in its text area
 * and the preview is a link. */
(function () {
  "use strict";
  var MESSAGE = "chiiki-showcase:height";
  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
  var previews = [];

  function esc(text) { // as Python's html.escape(), which wrote the iframe snippet
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  // The auto-height code (loader_snippet() in hooks/showcase/outputs/embeds.py) in a field like the iframe one.
  function addLoaderField(block) {
    var first = block.querySelector(".cs-embed__field"), parsed = document.createElement("template");
    if (!first || !block.hasAttribute("data-cs-embed-loader")) return;
    var data = function (name) { return esc(block.getAttribute("data-cs-embed-" + name)); };
    parsed.innerHTML = first.querySelector("textarea").value;
    var frame = parsed.content.querySelector("iframe");
    var attr = function (name) { return esc(frame.getAttribute(name)); };
    var field = first.cloneNode(true), code = field.querySelector("textarea"), button = field.querySelector("button");
    var label = field.querySelector("label");
    label.innerHTML = "高さを自動で合わせる埋め込みコード（当サイトの <code>embed.js</code> を読み込みます）";
    label.htmlFor = code.id = code.id.replace(/iframe$/, "loader");
    code.value = '<div data-chiiki-embed="' + attr("src") + '" data-title="' + attr("title") + '" data-height="' +
      attr("height") + '"><a href="' + data("page") + '">' + data("name") + "</a></div>\n" +
      '<script src="' + data("loader") + '" async></script>';
    button.setAttribute("data-cs-copy", code.id);
    button.textContent = "自動調整つきのコードをコピー";
    first.parentNode.insertBefore(field, first.nextSibling);
  }

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
    addLoaderField(block);
    Array.prototype.forEach.call(block.querySelectorAll("[data-cs-copy]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(block, button); });
    });
    block.addEventListener("toggle", function () { if (block.open) openPreview(block); });
    if (block.open) openPreview(block);
  });
})();
