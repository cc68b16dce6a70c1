/* The map's one layer control: every layer with its legend, in one collapsible panel.  Incident types
 * (each a switch, swatch and name), the symbols of precision and clusters, then the overlays: the
 * outline of Syria, the heat map (Leaflet.heat), incidents per governorate (with its scale), roads,
 * and any overlay another script adds with IncidentMap.addOverlay(name, layer, legend, options).
 * Loaded after incident_map.js; every value from the server goes through textContent or attributes. */
(function () {
  "use strict";

  var M = window.IncidentMap;
  var pending = [];
  /* Leaflet.heat's colours, weakest to strongest; the legend shows the same ramp. */
  var HEAT_STOPS = [[0.2, "#ffffb2"], [0.4, "#fecc5c"], [0.6, "#fd8d3c"], [0.8, "#f03b20"], [1, "#bd0026"]];

  function tr(state, key) { return (state.options.strings || {})[key] || key; }

  function el(tag, attrs, text) { return M.el(tag, attrs, text); }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function viewParams(state) {
    var b = state.map.getBounds();
    var params = new URLSearchParams(M.filterQuery ? M.filterQuery() : "");
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(","));
    params.set("zoom", String(state.map.getZoom()));
    return params;
  }

  /* ---- the panel ------------------------------------------------------------------------------ */

  /* A row of the panel: a switch named `name` showing `layer`, its label, and its legend below. */
  function overlayRow(state, id, label, layer, legend, checked) {
    var row = el("div", { "class": "layer-row", id: "layer-" + id });
    var lab = row.appendChild(el("label"));
    var input = lab.appendChild(el("input", { type: "checkbox", name: id }));
    input.checked = !!checked;
    lab.appendChild(document.createTextNode(" "));
    lab.appendChild(el("span", { dir: "auto" }, label));
    if (checked) state.map.addLayer(layer);
    input.addEventListener("change", function () {
      if (input.checked) state.map.addLayer(layer); else state.map.removeLayer(layer);
    });
    var box = row.appendChild(el("div", { "class": "layer-legend" }));
    setLegend(box, legend);
    return row;
  }

  /* A legend is a DOM node, or plain text (never parsed as HTML). */
  function setLegend(box, legend) {
    box.textContent = "";
    if (legend === undefined || legend === null || legend === "") return;
    box.appendChild(typeof legend === "string" ? document.createTextNode(legend) : legend);
  }

  function swatch(colour) {
    var node = el("span", { "class": "swatch" });
    node.style.background = colour;
    return node;
  }

  /* The incidents' part: one switch per event type, then what the symbols mean. */
  function typeLegend(state) {
    var list = el("ul", { "class": "legend", id: "legend" });
    state.onType = function (type, colour) {
      if (list.querySelector("[data-type='" + CSS.escape(type) + "']")) return;
      var li = el("li", { "data-type": type });
      var lab = li.appendChild(el("label"));
      var input = lab.appendChild(el("input", { type: "checkbox" }));
      input.checked = true;
      input.addEventListener("change", function () { M.setTypeVisible(type, input.checked); });
      lab.appendChild(document.createTextNode(" "));
      lab.appendChild(swatch(colour));
      lab.appendChild(el("span", { dir: "auto" }, " " + M.typeLabel(type)));
      list.insertBefore(li, list.querySelector(".legend-symbols"));
    };
    var symbols = list.appendChild(el("li", { "class": "legend-symbols" })).appendChild(el("ul"));
    [["incident-dot", "exact"], ["incident-dot near", "near"], ["incident-dot approximate", "approximate"],
     ["legend-cluster", "cluster"]].forEach(function (s) {
      var li = symbols.appendChild(el("li"));
      li.appendChild(el("span", { "class": "legend-symbol " + s[0] }));
      li.appendChild(document.createTextNode(" " + tr(state, s[1])));
    });
    Object.keys(M.COLOURS).forEach(function (type) { state.onType(type, M.COLOURS[type]); });
    return list;
  }

  function buildPanel(state) {
    var ctl = L.control({ position: state.options.dir === "rtl" ? "topleft" : "topright" });
    ctl.onAdd = function () {
      var box = el("div", { "class": "map-panel layers-panel", id: "layers-panel" });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var details = box.appendChild(el("details"));
      details.appendChild(el("summary", null, tr(state, "layers")));
      details.appendChild(el("h3", null, tr(state, "incident_types")));
      details.appendChild(typeLegend(state));
      state.overlayList = details.appendChild(el("div", { "class": "overlays" }));
      return box;
    };
    ctl.addTo(state.map);
  }

  /* ---- the layers ----------------------------------------------------------------------------- */

  /* Yellow → red on a square-root scale, so a few busy governorates don't wash out the rest. */
  function choroplethColour(ratio) {
    var r = Math.sqrt(Math.max(0, Math.min(1, ratio)));
    return "hsl(" + Math.round(55 - 55 * r) + ", 95%, " + Math.round(60 - 15 * r) + "%)";
  }

  /* The choropleth's scale: no incident, then four classes up to the busiest governorate. */
  function choroplethLegend(max) {
    var list = el("ul", { "class": "scale" });
    var item = list.appendChild(el("li"));
    item.appendChild(swatch("#eceff1"));
    item.appendChild(el("bdi", null, "0"));
    if (!max) return list;
    var low = 1;
    [0.25, 0.5, 0.75, 1].forEach(function (r) {
      var high = Math.max(low, Math.ceil(max * r * r));
      if (high < low || (r < 1 && high >= max)) return;
      var li = list.appendChild(el("li"));
      li.appendChild(swatch(choroplethColour((r * r))));
      li.appendChild(el("bdi", null, low === high ? String(low) : low + "–" + high));
      low = high + 1;
    });
    return list;
  }

  function heatLegend(max) {
    var box = el("div", { "class": "heat-scale" });
    box.appendChild(el("bdi", null, "1"));
    var ramp = box.appendChild(el("span", { "class": "ramp" }));
    ramp.style.background = "linear-gradient(to right, " + HEAT_STOPS.map(function (s) {
      return s[1] + " " + Math.round(s[0] * 100) + "%";
    }).join(", ") + ")";
    box.appendChild(el("bdi", null, String(max || "")));
    return box;
  }

  /* Leaflet.heat's gradient option: {stop: colour}. */
  function heatGradient() {
    var out = {};
    HEAT_STOPS.forEach(function (s) { out[s[0]] = s[1]; });
    return out;
  }

  function lineLegend(kind) { return el("span", { "class": "legend-line " + kind }); }

  /* The heat map of the view: the server's counts per grid cell as weighted points. */
  function loadHeat(state) {
    if (!state.map.hasLayer(state.heat)) return;
    var seq = ++state.heatSeq;
    getJSON(state.options.urls.heat + "?" + viewParams(state).toString()).then(function (data) {
      if (seq !== state.heatSeq) return;
      var max = data.max || 1;
      var half = data.size / 2;
      state.heatCount = data.cells.length;
      state.heat.setLatLngs(data.cells.map(function (c) {
        return [c.south + half, c.west + half, Math.sqrt(c.count / max)];
      }));
      setLegend(state.layerRows.heat.querySelector(".layer-legend"), heatLegend(data.max));
    }).catch(function () { /* keep the last heat drawn */ });
  }

  function loadGovernorates(state) {
    var params = new URLSearchParams(M.filterQuery ? M.filterQuery() : "");
    getJSON(state.options.urls.governorates + "?" + params.toString()).then(function (data) {
      state.choropleth.clearLayers();
      var has = data.features && data.features.length;
      // Without imported admin polygons there is nothing to colour: hide the switch.
      state.layerRows.choropleth.hidden = !has;
      if (!has) return;
      L.geoJSON(data, {
        style: function (f) {
          var n = f.properties.count;
          return { color: "#37474f", weight: 1, fillColor: n ? choroplethColour(n / (data.max || 1)) : "#eceff1", fillOpacity: n ? 0.5 : 0.15 };
        },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(function () {
            var box = el("span", { dir: "auto" });
            M.appendBidi(box, (state.options.lang === "ar" ? f.properties.name_ar || f.properties.name : f.properties.name) + ": " + f.properties.count);
            return box;
          }, { sticky: true });
        }
      }).addTo(state.choropleth);
      setLegend(state.layerRows.choropleth.querySelector(".layer-legend"), choroplethLegend(data.max || 0));
    }).catch(function () { state.layerRows.choropleth.hidden = true; });
  }

  function loadRoads(state) {
    getJSON(state.options.urls.roads).then(function (data) {
      var has = data.features && data.features.length;
      state.layerRows.roads.hidden = !has;
      if (!has) return;
      L.geoJSON(data, {
        style: { color: "#546e7a", weight: 3, opacity: 0.8, dashArray: "6 3" },
        onEachFeature: function (f, layer) {
          layer.bindTooltip(function () {
            var box = el("span", { dir: "auto" });
            M.appendBidi(box, [f.properties.code, f.properties.name, f.properties.name_ar].filter(Boolean).join(" · "));
            return box;
          });
        }
      }).addTo(state.roads);
    }).catch(function () { state.layerRows.roads.hidden = true; });
  }

  function loadOutline(state) {
    getJSON(state.options.urls.outline).then(function (data) {
      L.geoJSON(data, { pane: "outlinePane", interactive: false, style: { color: "#263238", weight: 2, fill: true, fillColor: "#fafafa", fillOpacity: 0.35 } })
        .addTo(state.outline);
    }).catch(function () { /* the markers still show */ });
  }

  function addOverlay(state, name, layer, legend, options) {
    var opts = options || {};
    var id = opts.id || String(name).toLowerCase().replace(/[^a-z0-9]+/g, "-");
    var row = overlayRow(state, id, name, layer, legend, opts.checked);
    state.layerRows[id] = row;
    state.overlayList.appendChild(row);
    return row;
  }

  /* The panel and the app's own overlays; `state.reloadLayers()` refreshes those that follow the filters. */
  M.buildLayers = function (state) {
    var map = state.map;
    // The outline sits under every other overlay, so markers keep their context when tiles fail.
    map.createPane("outlinePane").style.zIndex = 250;
    state.outline = L.layerGroup();
    state.heat = L.heatLayer([], { radius: 22, blur: 18, max: 1, minOpacity: 0.3, gradient: heatGradient() });
    state.choropleth = L.layerGroup();
    state.roads = L.layerGroup();
    state.heatSeq = 0;
    state.heatCount = 0;
    state.layerRows = {};
    buildPanel(state);
    addOverlay(state, tr(state, "outline"), state.outline, lineLegend("outline"), { id: "outline", checked: true });
    addOverlay(state, tr(state, "heat"), state.heat, heatLegend(0), { id: "heat" });
    addOverlay(state, tr(state, "choropleth"), state.choropleth, choroplethLegend(0), { id: "choropleth" });
    addOverlay(state, tr(state, "roads"), state.roads, lineLegend("road"), { id: "roads" });
    state.layerRows.choropleth.hidden = true;
    state.layerRows.roads.hidden = true;
    state.layerRows.heat.querySelector("input").addEventListener("change", function () { loadHeat(state); });
    state.layerRows.choropleth.querySelector("input").addEventListener("change", function () { loadGovernorates(state); });
    state.reloadLayers = function () {
      loadHeat(state);
      if (map.hasLayer(state.choropleth)) loadGovernorates(state);
    };
    loadOutline(state);
    loadGovernorates(state);
    loadRoads(state);
    map.on("moveend", function () { loadHeat(state); });
    pending.splice(0).forEach(function (args) { addOverlay.apply(null, [state].concat(args)); });
  };

  /* The hook for other scripts (e.g. a basemap): put `layer` in the one layer control, labelled `name`
     (text), with `legend` (a DOM node, or plain text) under its switch; options {id, checked}: the
     row's id is "layer-" + id, and a checked layer is shown at once.  Calls made before the map
     exists wait for it.  Returns the row, or null while waiting. */
  M.addOverlay = function (name, layer, legend, options) {
    var state = M.state;
    if (!state || !state.overlayList) {
      pending.push([name, layer, legend, options]);
      return null;
    }
    return addOverlay(state, name, layer, legend, options);
  };
})();
