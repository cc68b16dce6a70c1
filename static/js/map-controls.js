/* Map controls around IncidentMap: the filter form (kept in the URL), counts and exports, and the
 * timeline with playback; the layer control is static/js/map-layers.js.  Panels are collapsible
 * <details>: the filters start closed (they would cover the north-east), the timeline too on a phone.
 * Plain DOM and Leaflet; every value from the server goes through textContent or attributes. */
(function () {
  "use strict";

  var FILTERS = ["from", "to", "type", "actor", "admin1", "precision", "q", "source", "article", "status"];
  var el, appendBidi;

  function tr(state, key) { return (state.options.strings || {})[key] || key; }

  /* ``key`` in the plural form of n: forms from webapp/plurals.py, chosen by the browser's CLDR rules. */
  function trn(state, key, n) {
    var forms = (state.options.plurals || {})[key] || {};
    return forms[new Intl.PluralRules(state.options.lang).select(n)] || tr(state, key);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  /* ---- filters ---------------------------------------------------------------------------- */

  function currentFilters() {
    var page = new URLSearchParams(window.location.search);
    var out = new URLSearchParams();
    FILTERS.forEach(function (k) { page.getAll(k).forEach(function (v) { if (v) out.append(k, v); }); });
    return out;
  }

  function setFilters(params) {
    var page = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (k) { page.delete(k); });
    page.delete("incident");
    params.forEach(function (v, k) { if (v) page.append(k, v); });
    var qs = page.toString();
    // The URL always describes the view, so it can be shared or bookmarked.
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  function field(state, form, name, labelKey, kind, options) {
    var label = el("label", { "class": "filter-field" });
    label.appendChild(el("span", null, tr(state, labelKey)));
    var input;
    if (kind === "select") {
      input = el("select", { name: name });
      input.appendChild(el("option", { value: "" }, tr(state, "any")));
      (options || []).forEach(function (o) {
        var opt = el("option", { value: String(o[0]) }, o[1]);
        input.appendChild(opt);
      });
    } else {
      input = el("input", { name: name, type: kind, dir: kind === "date" ? "ltr" : "auto" });
    }
    label.appendChild(input);
    form.appendChild(label);
    return input;
  }

  /* Options for values, each shown by its label in the interface language when the server gave one. */
  function fillSelect(select, values, labels) {
    values.forEach(function (v) { select.appendChild(el("option", { value: v }, (labels || {})[v] || v)); });
  }

  function syncForm(form) {
    var params = currentFilters();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.name) input.value = params.get(input.name) || "";
    });
  }

  function buildFilterPanel(state) {
    var panel = L.control({ position: state.options.dir === "rtl" ? "topleft" : "topright" });
    panel.onAdd = function () {
      var box = el("div", { "class": "map-panel filter-panel", id: "filter-panel" });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var details = el("details");
      state.filterSummary = details.appendChild(el("summary", null, tr(state, "filters")));
      // A view shared with filters opens with them in sight.
      details.open = Array.from(currentFilters().keys()).some(function (k) { return k !== "article"; });
      var form = el("form", { id: "filter-form" });
      field(state, form, "from", "from", "date");
      field(state, form, "to", "to", "date");
      state.typeSelect = field(state, form, "type", "type", "select");
      state.adminSelect = field(state, form, "admin1", "governorate", "select");
      field(state, form, "precision", "precision", "select",
        [["1", "1 · " + tr(state, "exact")], ["2", "2 · " + tr(state, "near")], ["3", "3 · " + tr(state, "approximate")]]);
      field(state, form, "actor", "actor", "text");
      field(state, form, "q", "search", "search");
      state.sourceSelect = field(state, form, "source", "source", "select");
      // Review status: left empty, every incident but the rejected ones (webapp/filters.py).
      var status = field(state, form, "status", "status", "select",
        ["verified", "unreviewed", "rejected", "all"].map(function (s) { return [s, tr(state, "status_" + s)]; }));
      status.options[0].textContent = tr(state, "status_default");
      var buttons = el("div", { "class": "filter-buttons" });
      buttons.appendChild(el("button", { type: "submit" }, tr(state, "apply")));
      var reset = buttons.appendChild(el("button", { type: "button" }, tr(state, "reset")));
      form.appendChild(buttons);
      details.appendChild(form);
      var counts = el("p", { "class": "filter-counts", id: "filter-counts", "aria-live": "polite" });
      details.appendChild(counts);
      var exports = el("p", { "class": "exports" });
      details.appendChild(exports);
      state.exportLinks = [["csv", "CSV"], ["geojson", "GeoJSON"], ["kml", "KML"]].map(function (f) {
        var a = el("a", { "data-format": f[0], download: "" }, f[1]);
        if (exports.childNodes.length) exports.appendChild(document.createTextNode(" · "));
        else exports.appendChild(document.createTextNode(tr(state, "export") + ": "));
        exports.appendChild(a);
        return a;
      });
      exports.appendChild(document.createTextNode(" · "));
      state.listLink = exports.appendChild(el("a", { id: "list-link" }, tr(state, "incidents")));
      box.appendChild(details);

      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var params = new URLSearchParams();
        Array.prototype.forEach.call(form.elements, function (input) {
          if (input.name && input.value) params.set(input.name, input.value);
        });
        var keep = currentFilters().get("article");
        if (keep) params.set("article", keep);
        setFilters(params);
        refresh(state);
      });
      reset.addEventListener("click", function () {
        setFilters(new URLSearchParams());
        syncForm(form);
        refresh(state);
      });
      state.filterForm = form;
      state.countNode = counts;
      return box;
    };
    panel.addTo(state.map);
    syncForm(state.filterForm);
    getJSON(state.options.urls.facets).then(function (f) {
      fillSelect(state.typeSelect, f.event_types || [], f.labels);
      fillSelect(state.adminSelect, f.governorates || [], f.labels);
      fillSelect(state.sourceSelect, f.sources || []);
      syncForm(state.filterForm);
    }).catch(function () { /* the form still works with free text */ });
  }

  /* The folded panel's title counts the filters in force, so a narrowed map never passes for all of it. */
  function showFilterCount(state) {
    var n = 0;
    currentFilters().forEach(function () { n += 1; });
    state.filterSummary.textContent = tr(state, "filters") + (n ? " (" + n + ")" : "");
  }

  function updateLinks(state) {
    showFilterCount(state);
    var qs = currentFilters().toString();
    state.exportLinks.forEach(function (a) {
      a.setAttribute("href", state.options.urls.export.replace("FORMAT", a.getAttribute("data-format")) + (qs ? "?" + qs : ""));
    });
    state.listLink.setAttribute("href", state.options.urls.incidents + (qs ? "?" + qs : ""));
  }

  /* ---- timeline --------------------------------------------------------------------------- */

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function buildTimeline(state) {
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var panel = el("div", { "class": "map-panel timeline-panel", id: "timeline" });
      L.DomEvent.disableClickPropagation(panel);
      var box = panel.appendChild(el("details"));
      // Open where there is room for it beside the map; on a phone it would cover the map.
      box.open = !window.matchMedia("(max-width: 600px)").matches;
      var head = box.appendChild(el("summary", { "class": "timeline-head" }));
      head.appendChild(el("strong", null, tr(state, "timeline")));
      state.timelineLabel = head.appendChild(el("span", { "class": "timeline-label", dir: "ltr" }));
      state.chart = box.appendChild(svg("svg", { "class": "timeline-chart", viewBox: "0 0 400 60", preserveAspectRatio: "none", role: "img" }));
      var row = box.appendChild(el("div", { "class": "timeline-controls" }));
      state.playButton = row.appendChild(el("button", { type: "button" }, tr(state, "play")));
      state.slider = row.appendChild(el("input", { type: "range", min: "0", max: "0", value: "0", dir: "ltr", "aria-label": tr(state, "timeline") }));
      var all = row.appendChild(el("button", { type: "button" }, tr(state, "all_dates")));
      state.slider.addEventListener("input", function () { showBucket(state, +state.slider.value); });
      state.playButton.addEventListener("click", function () { togglePlay(state); });
      all.addEventListener("click", function () { stopPlay(state); clearWindow(state); });
      return panel;
    };
    ctl.addTo(state.map);
  }

  function loadTimeline(state) {
    var params = currentFilters();
    getJSON(state.options.urls.timeline + "?" + params.toString()).then(function (data) {
      state.timeline = data;
      drawTimeline(state);
    }).catch(function () { state.timeline = null; });
  }

  function drawTimeline(state) {
    var data = state.timeline;
    var chart = state.chart;
    while (chart.firstChild) chart.removeChild(chart.firstChild);
    var points = (data && data.points) || [];
    state.slider.max = String(Math.max(points.length - 1, 0));
    state.timelineLabel.textContent = points.length
      ? points[0].start + " – " + points[points.length - 1].start + " · " + data.total + " (" + tr(state, "timeline_" + data.bucket) + ")" : "";
    if (!points.length) return;
    var w = 400 / points.length;
    points.forEach(function (p, i) {
      var h = data.max ? Math.max(1, 56 * p.count / data.max) : 0;
      var bar = chart.appendChild(svg("rect", {
        x: (i * w).toFixed(2), y: (60 - h).toFixed(2), width: Math.max(w - (w > 3 ? 1 : 0), 0.5).toFixed(2),
        height: h.toFixed(2), "class": "bar" + (state.window === i ? " active" : ""), "data-index": String(i)
      }));
      var title = svg("title");
      title.textContent = p.start + ": " + p.count;
      bar.appendChild(title);
      bar.addEventListener("click", function () { stopPlay(state); state.slider.value = String(i); showBucket(state, i); });
    });
  }

  function addDays(iso, days) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function lastOfMonth(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  }

  /* Show one bucket: re-query the map for that day or week only (the form's filters still apply). */
  function showBucket(state, i) {
    var points = (state.timeline && state.timeline.points) || [];
    if (!points[i]) return;
    var start = points[i].start;
    var end = state.timeline.bucket === "month" ? lastOfMonth(start) : addDays(start, state.timeline.bucket === "week" ? 6 : 0);
    state.window = i;
    state.windowRange = [start, end];
    state.timelineLabel.textContent = start + (end !== start ? " – " + end : "") + " · " + points[i].count;
    Array.prototype.forEach.call(state.chart.querySelectorAll("rect"), function (r) {
      r.setAttribute("class", "bar" + (+r.getAttribute("data-index") === i ? " active" : ""));
    });
    window.IncidentMap.reload();
    state.reloadLayers();
  }

  function clearWindow(state) {
    state.window = null;
    state.windowRange = null;
    drawTimeline(state);
    window.IncidentMap.reload();
    state.reloadLayers();
  }

  function togglePlay(state) {
    if (state.playTimer) { stopPlay(state); return; }
    var points = (state.timeline && state.timeline.points) || [];
    if (!points.length) return;
    state.playButton.textContent = tr(state, "pause");
    var i = state.window === null || state.window === undefined || state.window >= points.length - 1 ? 0 : state.window + 1;
    var step = function () {
      state.slider.value = String(i);
      showBucket(state, i);
      i += 1;
      if (i >= points.length) stopPlay(state);
    };
    step();
    state.playTimer = setInterval(step, 1200);
  }

  function stopPlay(state) {
    if (state.playTimer) clearInterval(state.playTimer);
    state.playTimer = null;
    state.playButton.textContent = tr(state, "play");
  }

  /* The query the map and its layers use: the filters, narrowed to the timeline window if one is set. */
  function activeQuery(state) {
    var params = currentFilters();
    if (state.windowRange) {
      var from = params.get("from"), to = params.get("to");
      params.set("from", from && from > state.windowRange[0] ? from : state.windowRange[0]);
      params.set("to", to && to < state.windowRange[1] ? to : state.windowRange[1]);
    }
    return params.toString();
  }

  /* ---- wiring ----------------------------------------------------------------------------- */

  function refresh(state) {
    stopPlay(state);
    state.window = null;
    state.windowRange = null;
    updateLinks(state);
    window.IncidentMap.reload();
    loadTimeline(state);
    state.reloadLayers();
  }

  window.IncidentMap.onInit = function (state) {
    el = window.IncidentMap.el;
    appendBidi = window.IncidentMap.appendBidi;
    state.window = null;
    window.IncidentMap.filterQuery = function () { return activeQuery(state); };
    buildFilterPanel(state);
    buildTimeline(state);
    window.IncidentMap.buildLayers(state);
    updateLinks(state);
    loadTimeline(state);
    state.map.on("incidents:drawn", function (ev) {
      if (!state.countNode) return;
      state.countNode.textContent = "";
      appendBidi(state.countNode, ev.count + " " + trn(state, "in_view", ev.count) + (state.windowRange ? " · " + state.windowRange[0] : ""));
    });
  };
})();
