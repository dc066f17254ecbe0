/* chiiki-showcase embed loader for host pages.  MIT licence.
 *
 * Usage (the 「このページを埋め込む」 block on each page gives you this code):
 *   <div data-chiiki-embed="https://…/embed/profiles/…/" data-title="…" data-height="560"><a href="…">…</a></div>
 *   <script src="https://…/embed.js" async></script>
 *
 * Each placeholder becomes a sandboxed iframe (scripts and new-tab links only: no same-origin access, no cookies)
 * whose height follows its content.  The embedded page posts {type: "chiiki-showcase:height", height: N};
 * this script accepts a message only when it comes from one of the iframes it created (event.source), its origin
 * is ours or the sandbox's opaque "null", and the height is a number within bounds.
 */
(function () {
  "use strict";
  var MESSAGE = "chiiki-showcase:height";
  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 10000;
  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
  var script = document.currentScript;
  var base = script && script.src ? script.src : window.location.href;
  var ours = new URL(base, window.location.href).origin; // embeds come only from the site serving this script
  var frames = [];

  function mount(holder) {
    if (holder.hasAttribute("data-chiiki-embed-ready")) return;
    var url;
    try {
      url = new URL(holder.getAttribute("data-chiiki-embed"), base);
    } catch (error) {
      return;
    }
    if (url.origin !== ours || url.pathname.indexOf("/embed/") === -1) return;
    var height = parseInt(holder.getAttribute("data-height"), 10);
    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = holder.getAttribute("data-title") || holder.textContent.trim() || "chiiki-showcase";
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.setAttribute("width", "100%");
    iframe.style.display = "block";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.height = (height >= MIN_HEIGHT && height <= MAX_HEIGHT ? height : 480) + "px";
    holder.setAttribute("data-chiiki-embed-ready", "");
    holder.textContent = "";
    holder.appendChild(iframe);
    frames.push(iframe);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== MESSAGE) return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    if (event.origin !== "null" && event.origin !== ours) return;
    for (var i = 0; i < frames.length; i++) {
      if (event.source && frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  }

  function mountAll() {
    var holders = document.querySelectorAll("[data-chiiki-embed]");
    for (var i = 0; i < holders.length; i++) mount(holders[i]);
  }

  window.addEventListener("message", onMessage);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
