// frameshift explorer: displays the tables embedded in #fs-data. It computes no statistic:
// every number shown is a value of a table built by the Python library (see the provenance).
// Text is inserted with textContent only, never as HTML.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("fs-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var state = { a: null, b: null, cell: null };

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    setAttrs(e, attrs);
    add(e, kids);
    return e;
  }
  function sv(tag, attrs, kids) {
    var e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    add(e, kids);
    return e;
  }
  function setAttrs(e, attrs) {
    for (var k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined) continue;
      if (k === "text") e.textContent = attrs[k];
      else if (k === "on") for (var ev in attrs.on) e.addEventListener(ev, attrs.on[ev]);
      else e.setAttribute(k, attrs[k]);
    }
  }
  function add(e, kids) {
    (kids || []).forEach(function (k) {
      if (k === null || k === undefined) return;
      e.appendChild(typeof k === "string" ? document.createTextNode(k) : k);
    });
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function fmt(v, digits) {
    if (v === null || v === undefined) return "\u2014";
    if (typeof v === "boolean") return v ? "yes" : "no";
    if (typeof v !== "number") return String(v);
    if (Number.isInteger(v)) return String(v);
    return Number(v.toPrecision(digits || 3)).toString();
  }
  function short(t, n) { t = String(t); return t.length > n ? t.slice(0, n - 1) + "\u2026" : t; }
  function col(table, name) { return table.columns.indexOf(name); }
  function section(id, title, note) {
    var s = el("section", { id: id }, [el("h2", { text: title })]);
    if (note) s.appendChild(el("p", { "class": "note", text: note }));
    document.getElementById("app").appendChild(s);
    return s;
  }
  function mark(text, a, b) {  // text with [a, b) in <mark>, as DOM nodes
    return [text.slice(0, a), el("mark", { text: text.slice(a, b) }), text.slice(b)];
  }
  var M = {};
  D.match_columns.forEach(function (c, i) { M[c] = i; });
  var stIndex = {};
  D.statements.forEach(function (s, i) { stIndex[s.id] = i; });
  var groupLabel = {};
  D.groups.forEach(function (g) { groupLabel[g.key] = g.label; });

  // ---------------------------------------------------------------- heatmap
  var heat = section("heatmap", "Frames by " + D.by,
    "Rate per 1,000 tokens (count_matches per_1000) and number of matches. Click a cell for its lines.");
  var maxRate = 0;
  D.cells.forEach(function (r) { r.forEach(function (c) { if (c && c[3] > maxRate) maxRate = c[3]; }); });
  var thead = el("tr", {}, [el("th", { text: D.by })].concat(D.categories.map(function (c) {
    return el("th", { title: c.id, text: c.label });
  })));
  var tbody = el("tbody");
  D.groups.forEach(function (g, gi) {
    var tr = el("tr", {}, [el("th", { "class": "rowhead", text: g.label })]);
    D.categories.forEach(function (c, ci) {
      var cell = D.cells[gi][ci] || [0, 0, 0, 0];
      var shade = maxRate > 0 ? cell[3] / maxRate : 0;
      var td = el("td", {
        "class": "cell" + (shade > 0.55 ? " dark" : ""), tabindex: "0",
        "data-group": g.key === null ? "" : g.key, "data-category": c.id,
        "data-count": cell[0], "data-rate": cell[3],
        style: cell[0] === 0 ? "background: #f6f6f6; color: #888" :
          "background: rgba(178, 34, 34, " + (0.1 + 0.8 * shade).toFixed(3) + ")",
        title: cell[0] + " matches (" + cell[1] + " negated) in " + cell[2] + " tokens",
        on: { click: function () { showKwic(gi, ci, td); },
              keydown: function (e) { if (e.key === "Enter") showKwic(gi, ci, td); } }
      }, [el("span", { "class": "rate", text: fmt(cell[3]) }), el("span", { "class": "n", text: "n=" + cell[0] })]);
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  heat.appendChild(el("div", { "class": "scroll" }, [el("table", { "class": "heat" }, [el("thead", {}, [thead]), tbody])]));

  // ---------------------------------------------------------------- KWIC
  var kw = section("kwic", "Lines", "Keywords in context (kwic) for the chosen cell; one line per row of find_matches.");
  var kwHead = el("p", { id: "kwic-head", "class": "note", text: "Click a cell of the table above." });
  var kwList = el("table", { id: "kwic-lines", "class": "kwic" });
  kw.appendChild(kwHead);
  kw.appendChild(el("div", { "class": "scroll tall" }, [kwList]));
  var passage = el("div", { id: "passage" });
  kw.appendChild(passage);

  function showKwic(gi, ci, td) {
    if (state.cell) state.cell.classList.remove("chosen");
    state.cell = td; td.classList.add("chosen");
    var g = D.groups[gi].key, c = ci;
    var rows = [];
    D.matches.forEach(function (m, i) {
      if (m[M.category] === c && D.statements[m[M.statement]].group === g) rows.push(i);
    });
    var total = (D.cells[gi][ci] || [0])[0];
    kwHead.textContent = (rows.length < total ? "the first " + rows.length + " of " + total +
      " lines (the page keeps " + D.max_lines + " per cell; find_matches has them all): " : rows.length + " line(s): ") + D.groups[gi].label + " \u00d7 " +
      D.categories[ci].label + " (" + D.categories[ci].id + ")";
    clear(kwList); clear(passage);
    rows.forEach(function (i) {
      var m = D.matches[i], s = D.statements[m[M.statement]];
      kwList.appendChild(el("tr", { "class": "line", "data-match": i, "data-statement": s.id,
        "data-source-start": m[M.source_start], "data-source-end": m[M.source_end] }, [
        el("td", { "class": "sid" }, [el("a", { href: "#passage", text: s.id,
          on: { click: function (e) { e.preventDefault(); showPassage(i); } } })]),
        el("td", { "class": "left", text: m[M.left] }),
        el("td", { "class": "kw" }, [el("a", { href: "#passage", text: m[M.keyword],
          on: { click: function (e) { e.preventDefault(); showPassage(i); } } })]),
        el("td", { "class": "right", text: m[M.right] }),
        el("td", { "class": "neg", text: m[M.negated] ? "negated" : "" })
      ]));
    });
  }

  function showPassage(i) {
    var m = D.matches[i], s = D.statements[m[M.statement]];
    clear(passage);
    passage.appendChild(el("h3", { text: "Statement " + s.id + " \u2014 " + s.actor + (s.date ? ", " + s.date : "") }));
    passage.appendChild(el("p", { "class": "note", text: "pattern \u201c" + m[M.pattern] + "\u201d, sentence " +
      (m[M.sentence] + 1) + ", characters " + m[M.text_start] + "\u2013" + m[M.text_end] + " of the statement" }));
    passage.appendChild(el("blockquote", { "class": "statement", id: "statement-text" },
      mark(s.text, m[M.text_start], m[M.text_end])));
    var src = m[M.source_id];
    if (src !== s.id && D.sources[src] !== undefined) {
      var t = D.sources[src], a = m[M.source_start], b = m[M.source_end];
      var lo = Math.max(0, a - 500), hi = Math.min(t.length, b + 500);
      passage.appendChild(el("h3", { text: "In the original article " + src }));
      passage.appendChild(el("p", { "class": "note", text: "characters " + a + "\u2013" + b + " of the source (Corpus.to_source)" }));
      passage.appendChild(el("blockquote", { "class": "source", id: "source-passage" },
        [lo > 0 ? "\u2026" : ""].concat(mark(t.slice(lo, hi), a - lo, b - lo)).concat([hi < t.length ? "\u2026" : ""])));
    }
    var mk = passage.querySelector("mark");
    if (mk && mk.scrollIntoView) mk.scrollIntoView({ block: "nearest" });
  }

  // ---------------------------------------------------------------- timeline
  var tl = section("timeline", "Statements over time",
    "Click one statement (A), then another (B) to see the shift from A to B.");
  var dated = D.statements.map(function (s) { return s.date ? Date.parse(s.date) : null; });
  var known = dated.filter(function (x) { return x !== null; });
  var t0 = known.length ? Math.min.apply(null, known) : 0, t1 = known.length ? Math.max.apply(null, known) : 1;
  var lanes = D.groups.map(function (g) { return g.key; });
  var W = 900, LH = 22, PADL = 230, H = Math.max(1, lanes.length) * LH + 30;
  var svg = sv("svg", { viewBox: "0 0 " + W + " " + H, "class": "timeline", role: "img" });
  lanes.forEach(function (g, li) {
    svg.appendChild(sv("text", { x: PADL - 8, y: 20 + li * LH + 4, "text-anchor": "end", "class": "lane", text: short(groupLabel[g], 34) }, [sv("title", { text: groupLabel[g] })]));
    svg.appendChild(sv("line", { x1: PADL, x2: W - 10, y1: 20 + li * LH, y2: 20 + li * LH, "class": "laneline" }));
  });
  if (known.length) {
    svg.appendChild(sv("text", { x: PADL, y: H - 4, "class": "tick", text: D.statements[dated.indexOf(t0)].date }));
    svg.appendChild(sv("text", { x: W - 10, y: H - 4, "text-anchor": "end", "class": "tick", text: D.statements[dated.indexOf(t1)].date }));
  }
  var dots = D.statements.map(function (s, i) {
    var frac = dated[i] === null || t1 === t0 ? (D.statements.length > 1 ? i / (D.statements.length - 1) : 0.5) : (dated[i] - t0) / (t1 - t0);
    var li = lanes.indexOf(s.group);
    var dot = sv("circle", { cx: (PADL + 8 + frac * (W - PADL - 26)).toFixed(1), cy: 20 + Math.max(0, li) * LH, r: 6,
      "class": "dot", "data-statement": s.id, tabindex: "0",
      on: { click: function () { pick(s.id); } } }, [sv("title", { text: s.id + " (" + s.date + ", " + s.tokens + " tokens)" + (s.title ? ": " + s.title : "") })]);
    svg.appendChild(dot);
    return dot;
  });
  tl.appendChild(el("div", { "class": "scroll" }, [svg]));
  function selectOf(id, label) {
    var sel = el("select", { id: id, "aria-label": label }, [el("option", { value: "", text: "\u2014" })].concat(
      D.statements.map(function (s) { return el("option", { value: s.id, text: s.id + (s.date ? " (" + s.date + ")" : "") }); })));
    sel.addEventListener("change", function () { state[id === "pick-a" ? "a" : "b"] = sel.value || null; drawShift(); });
    return sel;
  }
  var selA = selectOf("pick-a", "statement A"), selB = selectOf("pick-b", "statement B");
  tl.appendChild(el("p", { "class": "pickers" }, ["A: ", selA, "  B: ", selB]));
  function pick(id) {
    if (state.a === null || state.b !== null) { state.a = id; state.b = null; }
    else state.b = id;
    selA.value = state.a || ""; selB.value = state.b || "";
    drawShift();
  }

  // ---------------------------------------------------------------- shift
  var sh = section("shift", "Shift from A to B",
    "From shift(): per-frame change in rate per 1,000 tokens with its bootstrap interval, log ratio, frames introduced and dropped, Jensen-Shannon divergence (bits) and each frame's contribution to it.");
  var shBody = el("div", { id: "shift-view" });
  sh.appendChild(shBody);
  var shiftIndex = {};
  D.shifts.forEach(function (p, i) { shiftIndex[p.from + "\u0000" + p.to] = i; });
  function drawShift() {
    dots.forEach(function (d) {
      var id = d.getAttribute("data-statement");
      d.setAttribute("class", "dot" + (id === state.a ? " a" : "") + (id === state.b ? " b" : ""));
    });
    clear(shBody);
    if (!state.a || !state.b) { shBody.appendChild(el("p", { "class": "note", text: "Choose two statements." })); return; }
    var k = shiftIndex[state.a + "\u0000" + state.b];
    if (k === undefined) {
      var rev = shiftIndex[state.b + "\u0000" + state.a] !== undefined;
      shBody.appendChild(el("p", { "class": "warn", id: "shift-missing", text: "The page holds no shift from " + state.a + " to " + state.b +
        (rev ? " (it holds the reverse pair: choose them the other way round)." : ". Rebuild it with pairs including this one (frameshift explore --pairs all, or fs.explore(..., pairs=[(A, B)])).") }));
      return;
    }
    var T = D.shifts[k], iM = col(T, "measure"), iC = col(T, "category"), iV = col(T, "value"),
      iL = col(T, "ci_low"), iH = col(T, "ci_high"), iP = col(T, "p"), iS = col(T, "short_text"),
      iCM = col(T, "ci_method");
    var per = {}, whole = {};
    T.rows.forEach(function (r) {
      var c = r[iC];
      if (c === null || c === "" || c === undefined) whole[r[iM]] = r;
      else { (per[c] = per[c] || {})[r[iM]] = r; }
    });
    function num(r, i, cls) {
      var v = r && i >= 0 ? r[i] : null;
      return el("span", { "class": cls || "num", "data-value": v === null ? "" : String(v), text: fmt(v) });
    }
    function interval(r) {
      if (!r || iL < 0) return null;
      if (r[iL] === null && r[iH] === null) {
        // no interval: say why (the ci_method column of the shift table)
        return iCM >= 0 && r[iCM] ? el("span", { "class": "noci", title: String(r[iCM]), text: " (no interval)" }) : null;
      }
      return el("span", { "class": "ci" }, [" [", num(r, iL, "lo"), ", ", num(r, iH, "hi"), "]"]);
    }
    var short = T.rows.length && iS >= 0 && T.rows[0][iS];
    shBody.appendChild(el("p", { "class": "pair", text: "A = " + state.a + "   \u2192   B = " + state.b }));
    if (short) shBody.appendChild(el("p", { "class": "warn", text: "Short text: fewer matches or sentences than the thresholds; intervals are coarse and p cannot be small." }));
    var wl = el("ul", { "class": "whole" });
    ["jsd", "cosine", "uptake"].filter(function (m) { return whole[m]; }).concat(
      Object.keys(whole).sort().filter(function (m) { return ["jsd", "cosine", "uptake"].indexOf(m) < 0; })).forEach(function (m) {
      var r = whole[m];
      wl.appendChild(el("li", { "data-measure": m }, [el("b", { text: m + ": " }), num(r, iV, "value"), interval(r),
        iP >= 0 && r[iP] !== null ? el("span", {}, ["  p = ", num(r, iP, "p")]) : null]));
    });
    shBody.appendChild(wl);
    var jsdRow = whole.jsd, jsdV = jsdRow ? jsdRow[iV] : null;
    var head = el("tr", {}, ["frame", "rate change /1,000 [interval]", "p", "log ratio", "JSD contribution", "", "introduced", "dropped"].map(function (h) { return el("th", { text: h }); }));
    var rows = D.categories.filter(function (c) { return per[c.id]; }).map(function (c) {
      var p = per[c.id], con = p.jsd_contribution ? p.jsd_contribution[iV] : null;
      var frac = jsdV && con !== null && jsdV > 0 ? Math.max(0, Math.min(1, con / jsdV)) : 0;
      return el("tr", { "data-category": c.id }, [
        el("th", { "class": "rowhead", title: c.id, text: c.label }),
        el("td", { "class": "rate_diff" }, [num(p.rate_diff, iV, "value"), interval(p.rate_diff)]),
        el("td", { "class": "p" }, [num(p.rate_diff, iP, "p")]),
        el("td", { "class": "log_ratio" }, [num(p.log_ratio, iV, "value")]),
        el("td", { "class": "jsd_contribution" }, [num(p.jsd_contribution, iV, "value")]),
        el("td", { "class": "bar" }, [el("span", { "class": "bar", style: "width:" + (100 * frac).toFixed(1) + "px" })]),
        el("td", { "class": "introduced" }, [num(p.introduced, iV, "value")]),
        el("td", { "class": "dropped" }, [num(p.dropped, iV, "value")])
      ]);
    });
    shBody.appendChild(el("div", { "class": "scroll" }, [el("table", { "class": "shift" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]));
  }
  drawShift();

  // ---------------------------------------------------------------- keyness
  var ky = section("keyness", "Distinctive terms",
    "From keyness(): each term placed by its count in the target (up) and in the reference (right), log scale; colour: score (red: target, blue: reference). Ringed terms lie inside a lexicon match.");
  if (!D.keyness.length) ky.appendChild(el("p", { "class": "note", text: "Only one group: nothing to compare." }));
  else {
    var ksel = el("select", { id: "keyness-pick", "aria-label": "comparison" }, D.keyness.map(function (k, i) {
      return el("option", { value: String(i), text: (groupLabel[k.target] || k.target) + " vs " + (k.reference === "rest" ? "the rest" : groupLabel[k.reference] || k.reference) });
    }));
    var search = el("input", { id: "keyness-search", type: "search", placeholder: "search a term", "aria-label": "search a term" });
    ky.appendChild(el("p", {}, [ksel, " ", search]));
    var kbox = el("div", { id: "keyness-view" });
    var kinfo = el("p", { id: "keyness-info", "class": "note" });
    ky.appendChild(kbox); ky.appendChild(kinfo);
    var drawKey = function () {
      var K = D.keyness[Number(ksel.value)], q = search.value.trim().toLowerCase();
      var iT = col(K, "term"), iA = col(K, "count_target"), iR = col(K, "count_reference"),
        iS = col(K, "score"), iPa = col(K, "p_adjusted"), iCov = col(K, "covered");
      var S = 520, P = 40, maxA = 1, maxR = 1, maxS = 0;
      K.rows.forEach(function (r) { maxA = Math.max(maxA, r[iA]); maxR = Math.max(maxR, r[iR]); maxS = Math.max(maxS, Math.abs(r[iS] || 0)); });
      function pos(v, mx) { return Math.log(1 + v) / Math.log(1 + mx); }  // display scale only
      var g = sv("svg", { viewBox: "0 0 " + (S + 2 * P) + " " + (S + 2 * P), "class": "scatter", role: "img" });
      g.appendChild(sv("line", { x1: P, y1: S + P, x2: S + P, y2: P, "class": "diag" }));
      g.appendChild(sv("text", { x: P + S / 2, y: S + P + 28, "text-anchor": "middle", "class": "axis", text: "count in reference (log)" }));
      g.appendChild(sv("text", { x: 12, y: P + S / 2, transform: "rotate(-90 12 " + (P + S / 2) + ")", "text-anchor": "middle", "class": "axis", text: "count in target (log)" }));
      var hits = [];
      K.rows.forEach(function (r, i) {
        var x = P + S * pos(r[iR], maxR), y = P + S * (1 - pos(r[iA], maxA));
        var sc = r[iS] || 0, a = maxS > 0 ? Math.abs(sc) / maxS : 0;
        var hit = q && String(r[iT]).indexOf(q) >= 0;
        if (hit) hits.push(i);
        var c = sv("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: hit ? 6 : 3.5, "data-term": r[iT],
          "class": "term" + (r[iCov] ? " covered" : "") + (hit ? " hit" : ""),
          style: "fill:" + (sc >= 0 ? "rgba(178,34,34," : "rgba(30,80,170,") + (0.25 + 0.75 * a).toFixed(3) + ")",
          on: { click: function () { info(K, r); } } }, [sv("title", { text: r[iT] })]);
        g.appendChild(c);
        if (hit || i < 8 || i >= K.rows.length - 8) g.appendChild(sv("text", { x: (x + 6).toFixed(1), y: (y - 4).toFixed(1), "class": "tlabel" + (hit ? " hit" : ""), text: r[iT] }));
      });
      clear(kbox).appendChild(g);
      var lists = el("div", { "class": "lists" });
      [["Most distinctive of the target", K.rows.slice(0, 15)], ["Most distinctive of the reference", K.rows.slice(-15).reverse()]].forEach(function (pair) {
        lists.appendChild(el("div", {}, [el("h3", { text: pair[0] }), el("ol", {}, pair[1].map(function (r) {
          return el("li", { "data-term": r[iT] }, [el("a", { href: "#keyness-info", text: r[iT], on: { click: function (e) { e.preventDefault(); info(K, r); } } }),
            " ", el("span", { "class": "num", "data-value": String(r[iS]), text: fmt(r[iS]) }), r[iCov] ? el("span", { "class": "cov", text: " \u25ef " + r[iCov] }) : null]);
        }))]));
      });
      kbox.appendChild(lists);
      kinfo.textContent = q ? hits.length + " term(s) contain \u201c" + q + "\u201d" + (hits.length ? ": " + hits.slice(0, 20).map(function (i) { return K.rows[i][iT]; }).join(", ") : "") : "";
      function info(K, r) {
        kinfo.textContent = r[iT] + ": score " + fmt(r[iS]) + ", count " + r[iA] + " in the target and " + r[iR] +
          " in the reference, adjusted p " + fmt(r[iPa]) + (r[iCov] ? ", covered by the lexicon (" + r[iCov] + ")" : ", not covered by the lexicon");
      }
    };
    ksel.addEventListener("change", drawKey);
    search.addEventListener("input", drawKey);
    drawKey();
  }

  // ---------------------------------------------------------------- provenance
  var pv = section("provenance", "Provenance",
    "Corpus and lexicon hashes, settings and version of every table on this page.");
  pv.appendChild(el("pre", { id: "provenance-json", text: JSON.stringify(D.provenance, null, 2) }));
  if (D.shift_warnings.length) pv.appendChild(el("ul", {}, D.shift_warnings.map(function (w) { return el("li", { "class": "warn", text: w }); })));

  document.body.setAttribute("data-ready", "1");
  window.fsReadyMs = performance.now();  // read by benchmarks/explorer.py
  window.fsReady = true;
})();
