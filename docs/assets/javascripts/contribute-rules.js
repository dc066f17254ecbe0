/* What JSON Schema cannot say, for the contribute form: the folder-name rule, the date-order rules and a profile's
   term rules.  None of the rules is written here: they come from the build as data (#cs-contribute-data, made by
   showcase.render.contribute from showcase.check.collection, showcase.content.schema.DATE_ORDER and
   showcase.check.term.TERM_RULES), so the form and scripts/validate apply the same ones with the same messages.
   Also the folder name suggested from the reading (name_kana), romanised by WanaKana (contribute-kana.js). */
(function () {
  "use strict";
  function valueAt(record, path) {
    return path.split(".").reduce(function (value, key) { return value === undefined || value === null ? undefined : value[key]; }, record);
  }
  function present(value) { return value !== undefined && value !== null && value !== "" && value !== false; }
  function withHint(entry, text) { return text + "（" + entry.hint_ja + "）"; }

  /* Every problem of these rules, as add(key path, message); message(code, path) gives a validator message.  A rule
     that reads a value the schema already refused (a key in `found`) is not applied: scripts/validate applies these
     rules only to a record that passed the schema. */
  function check(cfg, record, slug, add, message, found) {
    function refused(paths) { return paths.some(function (p) { return p && p in found; }); }
    var rule = cfg.slug;
    if (!slug) add("slug", message("required", "slug"));
    else if (slug.length > rule.max_length) {
      var long = cfg.messages.folder_name_length;
      add("slug", withHint(long, long.ja.replace("{length}", slug.length).replace("{limit}", rule.max_length)));
    } else if (!new RegExp(rule.pattern).test(slug) || rule.reserved.indexOf(slug) >= 0) {
      add("slug", withHint(cfg.messages.folder_name, cfg.messages.folder_name.ja.replace("{name}", slug)));
    }
    cfg.date_order.forEach(function (order) {  // [group, earlier key, later key, message code]
      var group = record[order[0]];
      var later = order[0] + "." + order[2];
      if (group && group[order[1]] && group[order[2]] && !refused([later, order[0] + "." + order[1]]) &&
          group[order[2]] < group[order[1]]) add(later, message(order[3], later));
    });
    cfg.term_rules.forEach(function (term) {  // read as showcase.check.term.broken_rules reads them
      var at = function (path) { return valueAt(record, path); };
      if (!term.when.every(function (p) { return present(at(p)); }) || term.unless.some(function (p) { return present(at(p)); }) ||
          refused([term.at, term.not_after].concat(term.when, term.unless, term.needs, term.forbids))) return;
      var value = at(term.at);
      var limit = term.not_after ? at(term.not_after) : undefined;
      if (term.needs.some(function (p) { return !present(at(p)); }) || term.forbids.some(function (p) { return present(at(p)); }) ||
          (present(limit) && present(value) && value > limit)) {
        add(term.at, withHint(term, term.ja.replace("{value}", value).replace("{limit}", limit)));
      }
    });
  }

  /* A folder name from a reading: 「てらお しほ」 → "terao-shiho" (long-vowel marks dropped, spaces become hyphens). */
  function suggestFolder(cfg, kana) {
    if (!window.ShowcaseKana || !kana) return "";
    var romaji = window.ShowcaseKana.toRomaji(kana.replace(/[ーｰ]/g, "")).toLowerCase();
    var name = romaji.replace(/[\s\u3000・･]+/g, "-").replace(/[^a-z0-9-]/g, "").replace(/-+/g, "-").replace(/^-/, "");
    name = name.slice(0, cfg.slug.max_length).replace(/-+$/, "");
    return new RegExp(cfg.slug.pattern).test(name) && cfg.slug.reserved.indexOf(name) < 0 ? name : "";
  }

  window.ShowcaseRules = { check: check, suggestFolder: suggestFolder };
})();
