/* The contribute form's YAML writer: a record as a careful contributor writes it — the schema line, keys in the
   record template's order, values quoted only where YAML would misread them, `|` blocks for long text.
   Runs in the browser (window.ShowcaseYaml) and in Node (tests/unit/test_contribute_yaml.py). */
(function (root) {
  "use strict";
  var WORDS = /^(y|yes|n|no|true|false|on|off|null|~|\.nan|\.inf|-\.inf|\+\.inf|<<)$/i;
  var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

  function plainIsSafe(text) {
    if (!text || text !== text.trim() || /[\t\n\r]/.test(text) || CONTROL.test(text)) return false;
    if (/^[-?:,\[\]{}#&*!|>'"%@`]/.test(text) || /^[-+.]?[0-9]/.test(text) || WORDS.test(text)) return false;
    return !(/: |:$| #/.test(text));
  }

  function scalar(value) {
    if (typeof value === "number") return String(value);
    if (typeof value === "boolean") return value ? "true" : "false";  // term.end_planned
    return plainIsSafe(value) ? value : JSON.stringify(value);
  }

  function blockIsSafe(text) {
    var lines = text.split("\n");
    return !CONTROL.test(text) && !/\t|\r/.test(text) && /^\S/.test(lines[0]) &&
      lines.every(function (line) { return line === line.replace(/\s+$/, ""); });
  }

  function wantsBlock(text) { return text.indexOf("\n") >= 0 || text.length > 60; }

  function writer(options) {
    var order = options.key_order || [];
    var texts = options.text_fields || [];
    function rank(path) { var i = order.indexOf(path); return i < 0 ? order.length : i; }
    function keysOf(obj, path) {
      return Object.keys(obj).map(function (key, i) { return [rank(path ? path + "." + key : key), i, key]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (entry) { return entry[2]; });
    }
    function writeMap(obj, path, indent, lines, dash) {
      keysOf(obj, path).forEach(function (key, i) {
        var pad = dash && i === 0 ? " ".repeat(indent - 2) + "- " : " ".repeat(indent);
        var value = obj[key];
        var where = path ? path + "." + key : key;
        if (Array.isArray(value)) {
          lines.push(pad + key + ":");
          value.forEach(function (item) {
            if (item && typeof item === "object") writeMap(item, where, indent + 4, lines, true);
            else lines.push(" ".repeat(indent + 2) + "- " + scalar(item));
          });
        } else if (value && typeof value === "object") {
          lines.push(pad + key + ":");
          writeMap(value, where, indent + 2, lines, false);
        } else if (typeof value === "string" && texts.indexOf(where) >= 0 && wantsBlock(value) && blockIsSafe(value)) {
          lines.push(pad + key + ": |");
          value.split("\n").forEach(function (line) { lines.push(line ? " ".repeat(indent + 2) + line : ""); });
        } else {
          lines.push(pad + key + ": " + scalar(value));
        }
      });
    }
    return function write(record, header) {
      var lines = (header || []).slice();
      writeMap(record, "", 0, lines, false);
      return lines.join("\n") + "\n";
    };
  }

  var api = { writer: writer, scalar: scalar };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ShowcaseYaml = api;
})(this);
