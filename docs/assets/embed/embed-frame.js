/* chiiki-showcase embed view (runs inside the iframe).  MIT licence.
 *
 * 1. ?theme=light or ?theme=dark overrides the visitor's colour scheme (without JavaScript the
 *    CSS still follows prefers-color-scheme).
 * 2. When embedded, posts the content height to the embedding page whenever it changes:
 *    {type: "chiiki-showcase:height", height: <px>}.  embed.js on that page resizes the iframe.
 *
 * No cookies, no storage, no requests: the view works in a sandbox without allow-same-origin.
 */
(function () {
  "use strict";
  var MESSAGE = "chiiki-showcase:height";
  var theme = /(?:^\?|&)theme=(light|dark)(?:&|$)/.exec(window.location.search);
  if (theme) document.documentElement.setAttribute("data-theme", theme[1]);
  if (window.parent === window) return; // opened on its own, not embedded

  // Post to the embedding page's origin where the browser tells us (Chromium, WebKit); "*" elsewhere.
  // A height is no secret, and embed.js checks that the message comes from its own iframe.
  function parentOrigin() {
    var ancestors = window.location.ancestorOrigins;
    var origin = ancestors && ancestors.length ? ancestors[0] : "";
    return /^https?:\/\/[^/]+$/.test(origin) ? origin : "*";
  }

  function start() {
    var content = document.getElementById("ce") || document.body;
    var target = parentOrigin();
    var last = -1;
    function post() {
      var height = Math.ceil(content.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: MESSAGE, height: height }, target);
    }
    if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(content);
    window.addEventListener("resize", post);
    window.addEventListener("load", post);
    post();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
