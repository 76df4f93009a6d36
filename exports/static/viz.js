// siliconkg viz: legend, filters, search and the evidence panel around pyvis' vis-network.
// Every string that comes from an article is put into the page with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var state = {
    classes: new Set(data.classes.map(function (c) { return c.name; })),
    relations: new Set(data.relations),
    from: "", to: "", negated: !!data.showNegated, undated: true
  };
  var adjacency = {};
  Object.keys(data.edges).forEach(function (id) {
    var e = data.edges[id];
    (adjacency[e.from] = adjacency[e.from] || []).push(id);
    (adjacency[e.to] = adjacency[e.to] || []).push(id);
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // -- legend and filters ------------------------------------------------------------
  function checkbox(container, label, checked, onChange, swatch) {
    var row = el("label", null, "kg-check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    row.appendChild(box);
    if (swatch) row.appendChild(swatch);
    row.appendChild(el("span", label));
    container.appendChild(row);
    return box;
  }
  data.classes.forEach(function (c) {
    var swatch = el("span", c.glyph, "kg-swatch");
    swatch.style.color = c.colour;
    var box = checkbox(byId("kg-classes"), c.name + " (" + c.count + ")", true, function (on) {
      if (on) state.classes.add(c.name); else state.classes.delete(c.name);
      apply();
    }, swatch);
    box.dataset.kgClass = c.name;
    box.parentNode.appendChild(el("span", c.shape, "kg-shape"));
  });
  data.relations.forEach(function (r) {
    var box = checkbox(byId("kg-relations"), r, true, function (on) {
      if (on) state.relations.add(r); else state.relations.delete(r);
      apply();
    });
    box.dataset.kgRelation = r;
  });
  var negatedBox = byId("kg-negated");
  negatedBox.checked = state.negated;
  negatedBox.addEventListener("change", function () { state.negated = negatedBox.checked; apply(); });
  var undatedBox = byId("kg-undated");
  undatedBox.addEventListener("change", function () { state.undated = undatedBox.checked; apply(); });
  ["kg-from", "kg-to"].forEach(function (id) {
    byId(id).addEventListener("change", function () {
      state.from = byId("kg-from").value; state.to = byId("kg-to").value; apply();
    });
  });

  function pad(date, high) {  // "2026" / "2026-05" -> comparable YYYY-MM-DD at the start or end of the period
    if (!date) return "";
    var filler = high ? "-12-31" : "-01-01";
    if (date.length === 7) return date + (high ? "-31" : "-01");
    if (date.length === 4) return date + filler;
    return date.slice(0, 10);
  }
  function edgeVisible(e) {
    if (!state.relations.has(e.relation)) return false;
    if (e.modality === "negated" || e.modality === "hypothetical") { if (!state.negated) return false; }
    var a = data.nodes[e.from], b = data.nodes[e.to];
    if (!state.classes.has(a.cls) || !state.classes.has(b.cls)) return false;
    if (state.from || state.to) {
      if (!e.first_seen) return state.undated;
      if (state.from && pad(e.last_seen, true) < state.from) return false;
      if (state.to && pad(e.first_seen, false) > state.to) return false;
    }
    return true;
  }
  var shown = { nodes: {}, edges: {} };
  function apply() {
    var edgeUpdates = [], nodeUpdates = [], degree = {}, nEdges = 0, nNodes = 0;
    Object.keys(data.edges).forEach(function (id) {
      var e = data.edges[id], visible = edgeVisible(e);
      if (visible) { degree[e.from] = 1; degree[e.to] = 1; nEdges++; }
      if (shown.edges[id] !== visible) { shown.edges[id] = visible; edgeUpdates.push({ id: Number(id), hidden: !visible }); }
    });
    Object.keys(data.nodes).forEach(function (id) {
      var n = data.nodes[id];
      var visible = state.classes.has(n.cls) && (degree[id] === 1 || !adjacency[id]);
      if (visible) nNodes++;
      if (shown.nodes[id] !== visible) { shown.nodes[id] = visible; nodeUpdates.push({ id: Number(id), hidden: !visible }); }
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    byId("kg-status").textContent = nNodes + " of " + data.nodeCount + " entities, " + nEdges + " of " +
      data.edgeCount + " relations shown";
  }

  // -- edge labels on demand (big graphs) -------------------------------------------------
  var labelled = [];
  function labelEdges(ids) {
    if (!data.labelsOnDemand) return;
    var updates = labelled.map(function (id) { return { id: Number(id), label: "" }; });
    labelled = ids.slice(0, 400);
    labelled.forEach(function (id) { updates.push({ id: Number(id), label: data.edges[id].relation }); });
    if (updates.length) edges.update(updates);
  }

  // -- the evidence panel -----------------------------------------------------------------
  function evidenceBlock(container, ev) {
    var box = el("div", null, "kg-evidence-" + ev.modality);
    box.appendChild(el("blockquote", ev.sentence));
    var source = [ev.modality];
    if (ev.attributed_to && ev.attributed_to.length) source.push("according to " + ev.attributed_to.join(", "));
    source.push(ev.source);
    box.appendChild(el("div", source.join(" · "), "kg-source"));
    box.appendChild(el("div", ev.document, "kg-source"));
    container.appendChild(box);
  }
  function showEdge(id) {
    var e = data.edges[id], panel = byId("kg-panel");
    if (!e) return;
    clear(panel);
    panel.dataset.kind = "edge";
    panel.dataset.id = String(id);
    labelEdges([String(id)]);
    panel.appendChild(el("h3", data.nodes[e.from].label + " — " + e.relation + " → " + data.nodes[e.to].label));
    panel.appendChild(el("div", e.modality + "; supported by " + e.support + " document" + (e.support === 1 ? "" : "s") +
      " (" + e.asserted + " asserted, " + e.hedged + " hedged, " + e.negated + " negated claims)", "kg-meta"));
    if (e.first_seen) panel.appendChild(el("div", "seen " + e.first_seen + (e.last_seen !== e.first_seen ? " to " + e.last_seen : ""), "kg-meta"));
    panel.appendChild(el("h2", "Evidence"));
    e.evidence.forEach(function (ev) { evidenceBlock(panel, ev); });
    if (!e.evidence.length) panel.appendChild(el("div", "no evidence sentence stored", "kg-meta"));
  }
  function showNode(id) {
    var n = data.nodes[id], panel = byId("kg-panel");
    if (!n) return;
    clear(panel);
    panel.dataset.kind = "node";
    panel.dataset.id = String(id);
    panel.appendChild(el("h3", n.label));
    panel.appendChild(el("div", n.cls, "kg-meta"));
    if (n.aliases.length) panel.appendChild(el("div", "also: " + n.aliases.join(", "), "kg-meta"));
    panel.appendChild(el("div", n.iri, "kg-meta"));
    Object.keys(n.values).forEach(function (k) { panel.appendChild(el("div", k + ": " + n.values[k].join(", "), "kg-meta")); });
    var incident = (adjacency[id] || []).filter(function (eid) { return shown.edges[eid]; });
    incident.sort(function (a, b) { return data.edges[b].support - data.edges[a].support; });
    labelEdges(incident);
    panel.appendChild(el("h2", "Relations (" + incident.length + ")"));
    incident.slice(0, 25).forEach(function (eid) {
      var e = data.edges[eid];
      var outgoing = String(e.from) === String(id);
      var other = data.nodes[outgoing ? e.to : e.from].label;
      var text = (outgoing ? e.relation + " → " : "← " + e.relation + " ") + other + " (" + e.modality + ", " + e.support + ")";
      var link = el("button", text, "kg-link");
      link.addEventListener("click", function () { network.selectEdges([Number(eid)]); showEdge(eid); });
      panel.appendChild(link);
      if (e.evidence.length) evidenceBlock(panel, e.evidence[0]);
    });
    if (incident.length > 25) panel.appendChild(el("div", (incident.length - 25) + " more not listed", "kg-meta"));
  }

  // -- search ----------------------------------------------------------------------------
  var index = Object.keys(data.nodes).map(function (id) {
    var n = data.nodes[id];
    return { id: id, label: n.label, keys: [n.label].concat(n.aliases).map(function (s) { return s.toLowerCase(); }) };
  });
  function select(id) {
    id = String(id);
    if (!data.nodes[id]) return false;
    if (!shown.nodes[id]) {  // make it visible again: its class and relations back on
      state.classes.add(data.nodes[id].cls);
      document.querySelectorAll("[data-kg-class]").forEach(function (b) { if (b.dataset.kgClass === data.nodes[id].cls) b.checked = true; });
      apply();
    }
    network.selectNodes([Number(id)]);
    network.focus(Number(id), { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
    return true;
  }
  var search = byId("kg-search"), results = byId("kg-results");
  function matches(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var exact = [], partial = [];
    index.forEach(function (item) {
      if (item.keys.indexOf(q) >= 0) exact.push(item);
      else if (item.keys.some(function (k) { return k.indexOf(q) >= 0; })) partial.push(item);
    });
    return exact.concat(partial);
  }
  search.addEventListener("input", function () {
    clear(results);
    matches(search.value).slice(0, 20).forEach(function (item) {
      var li = el("li"), button = el("button", item.label + " · " + data.nodes[item.id].cls);
      button.addEventListener("click", function () { select(item.id); });
      li.appendChild(button);
      results.appendChild(li);
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { var found = matches(search.value); if (found.length) select(found[0].id); }
  });

  // -- wiring --------------------------------------------------------------------------------
  network.on("click", function (params) {
    if (params.nodes.length) showNode(String(params.nodes[0]));
    else if (params.edges.length) showEdge(String(params.edges[0]));
  });
  apply();
  // body[data-ready] tells tests and benchmarks the graph is drawn (and, with physics, settled)
  function ready() {
    document.body.dataset.ready = "1";
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); ready(); });
  } else {  // vis draws in the next animation frame; the frame after it has the graph on screen
    requestAnimationFrame(function () { requestAnimationFrame(ready); });
  }
  window.kgViz = {
    select: select,
    showEdge: showEdge,
    // DOM position of a node, for tests and benchmarks that click it
    position: function (id) { var p = network.getPositions([Number(id)])[Number(id)]; return network.canvasToDOM(p); },
    find: function (text) { return matches(text).map(function (m) { return m.id; }); }
  };
})();
