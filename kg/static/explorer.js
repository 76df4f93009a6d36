// siliconkg explorer: run SPARQL against /sparql, show the table and a graph of the entities it names,
// expand nodes and read edge evidence. Every string that comes from the store (article text, labels,
// titles, error messages) goes into the page with textContent, never as HTML.
(function () {
  "use strict";
  var ENTITY = "https://w3id.org/siliconkg/entity/";
  var NEGATED = "#d62728", EDGE = "#8c8c8c", HIGHLIGHT = "#111111";
  var byId = function (id) { return document.getElementById(id); };
  var queries = {};
  var nodeInfo = {}, edgeInfo = {}, pairs = {};

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function status(text, isError) {
    var s = byId("kg-status");
    s.textContent = text;
    s.className = isError ? "kg-error" : "";
  }

  // -- the graph -------------------------------------------------------------------
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var options = {
    nodes: { font: { size: 14, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" }, size: 16, borderWidth: 1 },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } },
             font: { size: 10, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
             color: { color: EDGE, highlight: "#333333", inherit: false }, smooth: false },
    physics: { enabled: true, solver: "barnesHut",
               barnesHut: { gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.3 },
               stabilization: { enabled: true, iterations: 300, fit: true } },
    interaction: { hover: true, tooltipDelay: 150, multiselect: false }
  };
  var network = new vis.Network(byId("kg-graph"), { nodes: nodes, edges: edges }, options);
  var explorer = window.kgExplorer = { network: network, nodes: nodes, edges: edges, stable: true, busy: 0 };

  function settle() {
    explorer.stable = false;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(300);
  }
  network.on("stabilized", function () {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    explorer.stable = true;
  });

  function tooltip(lines) {  // an element, so vis-network shows it as text
    var box = el("div");
    lines.forEach(function (line) { box.appendChild(el("div", line)); });
    return box;
  }
  function addGraph(data) {
    (data.nodes || []).forEach(function (n) {
      nodeInfo[n.id] = n;
      if (nodes.get(n.id)) return;
      nodes.add({ id: n.id, label: n.label, shape: n.shape || "dot",
                  color: { background: n.colour || "#79706e", border: "#333333",
                           highlight: { background: n.colour || "#79706e", border: HIGHLIGHT } },
                  title: tooltip([n.label, n.cls || "entity", n.id]) });
    });
    (data.edges || []).forEach(function (e) {
      if (!nodes.get(e.from) || !nodes.get(e.to)) return;
      edgeInfo[e.id] = e;
      var negated = e.modality === "negated" || e.modality === "hypothetical";
      var item = { id: e.id, from: e.from, to: e.to, label: e.relation,
                   width: Math.round((1 + 1.5 * Math.log2(1 + (e.support || 0))) * 100) / 100,
                   dashes: e.modality === "hedged" ? [6, 4] : (negated ? [2, 3] : false),
                   title: tooltip([e.relation + " (" + e.modality + ")", "click for the evidence"]) };
      if (negated) { item.color = { color: NEGATED, highlight: NEGATED }; item.font = { color: NEGATED }; }
      var pair = [e.from, e.to].sort().join("\n");
      var nth = (pairs[pair] = pairs[pair] || []).indexOf(e.id);
      if (nth < 0) { nth = pairs[pair].length; pairs[pair].push(e.id); }
      if (nth > 0) {  // parallel edges fan out, as in kg viz
        item.smooth = { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.25 * Math.ceil(nth / 2) };
      }
      if (edges.get(e.id)) edges.update(item); else edges.add(item);
    });
    settle();
  }

  function fetchJson(url, init) {
    explorer.busy += 1;
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        explorer.busy -= 1;
        if (!response.ok) throw new Error(text || ("HTTP " + response.status));
        return JSON.parse(text);
      });
    }, function (err) { explorer.busy -= 1; throw err; });
  }

  function expand(iri) {
    status("Expanding " + ((nodeInfo[iri] && nodeInfo[iri].label) || iri) + " …");
    return fetchJson("api/neighbours?iri=" + encodeURIComponent(iri)).then(function (data) {
      addGraph(data);
      status("Expanded " + ((nodeInfo[iri] && nodeInfo[iri].label) || iri) + ": " +
             data.edges.length + " edges" + (data.truncated ? " (cut at the limit)" : "") + ".");
    }).catch(function (err) { status(String(err.message || err), true); });
  }

  // -- the side panel ----------------------------------------------------------------
  function showNode(id) {
    var n = nodeInfo[id], panel = byId("kg-panel");
    clear(panel);
    if (!n) return;
    panel.appendChild(el("h3", n.label));
    panel.appendChild(el("div", (n.classes && n.classes.length ? n.classes.join(", ") : "entity"), "kg-meta"));
    panel.appendChild(el("div", n.id, "kg-meta"));
  }
  function showEdge(id) {
    var e = edgeInfo[id], panel = byId("kg-panel");
    clear(panel);
    if (!e) return;
    var from = nodeInfo[e.from] ? nodeInfo[e.from].label : e.from;
    var to = nodeInfo[e.to] ? nodeInfo[e.to].label : e.to;
    panel.appendChild(el("h3", from + " " + e.relation + " " + to));
    var counts = Object.keys(e.counts || {}).map(function (k) { return e.counts[k] + " " + k; }).join(", ");
    panel.appendChild(el("div", "modality: " + e.modality + (counts ? " — claims: " + counts : ""), "kg-meta"));
    (e.evidence || []).forEach(function (ev) {
      var box = el("div", null, "kg-evidence kg-evidence-" + ev.modality);
      box.appendChild(el("blockquote", ev.sentence || "(no sentence recorded)"));
      var source = [ev.title || ev.document, ev.publisher, ev.published].filter(Boolean).join(", ");
      var line = source + " · " + ev.modality + (ev.attributed_to ? " · attributed to " + ev.attributed_to : "");
      box.appendChild(el("div", line, "kg-source"));
      panel.appendChild(box);
    });
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(params.nodes[0]);
      expand(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    }
  });

  // -- results -------------------------------------------------------------------------
  function renderTable(head, rows) {
    var table = byId("kg-table");
    clear(table);
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", h)); });
    var thead = el("thead"); thead.appendChild(tr); table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (row) {
      var line = el("tr");
      row.forEach(function (cell) { line.appendChild(el("td", cell)); });
      tbody.appendChild(line);
    });
    table.appendChild(tbody);
  }
  function cellText(term) {
    if (!term) return "";
    if (term.type === "uri") return term.value;
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }
  // N-Triples terms of one line: <iri>, _:b, "literal"(@lang|^^<dt>)?
  var TERM = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?/g;
  function unescapeLiteral(s) {
    return s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, function (_, c) {
      if (c[0] === "u" || c[0] === "U") return String.fromCodePoint(parseInt(c.slice(1), 16));
      return { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f" }[c] || c;
    });
  }
  function parseNTriples(text) {
    var rows = [];
    text.split("\n").forEach(function (line) {
      var terms = [], m;
      TERM.lastIndex = 0;
      while ((m = TERM.exec(line)) !== null) {
        if (m[1] !== undefined) terms.push({ type: "uri", value: m[1] });
        else if (m[2] !== undefined) terms.push({ type: "bnode", value: m[2] });
        else terms.push({ type: "literal", value: unescapeLiteral(m[3]) });
      }
      if (terms.length === 3) rows.push(terms);
    });
    return rows;
  }

  function graphOf(termRows) {
    var iris = {}, labels = {};
    termRows.forEach(function (row) {
      row.forEach(function (t) {
        if (!t) return;
        if (t.type === "uri" && t.value.indexOf(ENTITY) === 0) iris[t.value] = true;
        else if (t.type === "literal" && t.value.length > 0 && t.value.length <= 200) labels[t.value] = true;
      });
    });
    var body = { iris: Object.keys(iris).slice(0, 300), labels: Object.keys(labels).slice(0, 300) };
    if (!body.iris.length && !body.labels.length) return Promise.resolve();
    return fetchJson("api/subgraph", { method: "POST", headers: { "Content-Type": "application/json" },
                                       body: JSON.stringify(body) })
      .then(function (data) { addGraph(data); return data; });
  }

  function run() {
    var text = byId("kg-editor").value;
    var banner = byId("kg-banner");
    banner.hidden = true;
    status("Running …");
    var started = Date.now();
    explorer.busy += 1;
    var form = new URLSearchParams();
    form.set("query", text);
    return fetch("sparql", { method: "POST", body: form,
                             headers: { "Accept": "application/sparql-results+json, application/n-triples;q=0.9" } })
      .then(function (response) {
        return response.text().then(function (body) {
          explorer.busy -= 1;
          if (!response.ok) { status("HTTP " + response.status + ": " + body, true); return null; }
          var truncated = response.headers.get("X-KG-Truncated") === "true";
          var type = response.headers.get("Content-Type") || "";
          var termRows, note;
          if (type.indexOf("json") >= 0) {
            var data = JSON.parse(body);
            if (data.boolean !== undefined) {
              renderTable(["answer"], [[String(data.boolean)]]);
              status("ASK: " + data.boolean);
              return null;
            }
            var vars = data.head.vars;
            termRows = data.results.bindings.map(function (b) { return vars.map(function (v) { return b[v]; }); });
            renderTable(vars, termRows.map(function (r) { return r.map(cellText); }));
            note = termRows.length + " rows";
          } else {
            termRows = parseNTriples(body);
            renderTable(["subject", "predicate", "object"], termRows.map(function (r) { return r.map(cellText); }));
            note = termRows.length + " triples";
          }
          if (truncated) {
            banner.textContent = "The answer was cut at the server's row limit (" +
              (response.headers.get("X-KG-Max-Rows") || "?") + "); refine the query to see everything.";
            banner.hidden = false;
          }
          status(note + " in " + (Date.now() - started) + " ms" + (truncated ? " (truncated)" : "") + ".");
          return graphOf(termRows);
        });
      }, function (err) { explorer.busy -= 1; status(String(err), true); });
  }

  byId("kg-run").addEventListener("click", function () { run(); });
  byId("kg-clear").addEventListener("click", function () {
    nodes.clear(); edges.clear(); nodeInfo = {}; edgeInfo = {}; pairs = {}; clear(byId("kg-panel"));
  });
  byId("kg-editor").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });

  // -- named queries -------------------------------------------------------------------
  var select = byId("kg-query-select");
  fetchJson("api/queries").then(function (list) {
    list.forEach(function (q) {
      queries[q.name] = q;
      var option = el("option", q.name);
      option.value = q.name;
      select.appendChild(option);
    });
  }).catch(function () { /* no named queries: the editor still works */ });
  select.addEventListener("change", function () {
    var q = queries[select.value];
    byId("kg-query-description").textContent = q ? q.description : "";
    if (q) byId("kg-editor").value = q.text;
  });
  explorer.run = run;
  explorer.expand = expand;
})();
