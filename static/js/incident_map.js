/* Incident map: loads /api/incidents as GeoJSON for the current viewport and draws it with
 * Leaflet.markercluster, one overlay per event type, roads as polylines.
 * Every value from the data goes through textContent or element attributes, never HTML parsing. */
(function () {
  "use strict";

  var COLOURS = {
    "Explosions/Remote violence": "#d32f2f",
    "Battles": "#f57c00",
    "Violence against civilians": "#7b1fa2",
    "Strategic developments": "#1976d2",
    "Protests": "#388e3c",
    "Riots": "#5d4037"
  };
  var SPARE = ["#00838f", "#c2185b", "#827717", "#455a64", "#6d4c41"];
  var PRECISION = { 1: "exact place", 2: "near the place / part of an area", 3: "district or governorate" };

  function colourFor(type, state) {
    if (COLOURS[type]) return COLOURS[type];
    if (!state.extraColours[type]) {
      state.extraColours[type] = SPARE[Object.keys(state.extraColours).length % SPARE.length];
    }
    return state.extraColours[type];
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* The sentence as text nodes, with the place wrapped in <mark> (offsets relative to the sentence). */
  function sentenceNode(props) {
    var p = el("p", { "class": "sentence", dir: "auto" });
    var s = props.sentence || "";
    var h = props.highlight;
    if (h && h[0] >= 0 && h[1] <= s.length && h[0] < h[1]) {
      p.appendChild(document.createTextNode(s.slice(0, h[0])));
      p.appendChild(el("mark", null, s.slice(h[0], h[1])));
      p.appendChild(document.createTextNode(s.slice(h[1])));
    } else {
      p.textContent = s;
    }
    return p;
  }

  function popupNode(props) {
    var box = el("div", { "class": "incident-popup", dir: "auto" });
    box.appendChild(el("strong", null, props.sub_event_type || props.event_type));
    box.appendChild(sentenceNode(props));
    var dl = el("dl", { dir: "ltr" });
    function row(label, value) {
      if (value === undefined || value === null || value === "") return;
      dl.appendChild(el("dt", null, label));
      dl.appendChild(el("dd", { dir: "auto" }, value));
    }
    row("Date", props.date ? props.date + (props.date_precision && props.date_precision !== "day" ? " (" + props.date_precision + ")" : "") : "unknown");
    row("Type", props.event_type + (props.sub_event_type ? " — " + props.sub_event_type : ""));
    row("Place", [props.place_name, props.place_name_ar].filter(Boolean).join(" — "));
    row("Where", props.location_description);
    row("Precision", props.geo_precision ? props.geo_precision + " · " + (PRECISION[props.geo_precision] || "") : "");
    row("Actors", (props.actors || []).join(", "));
    row("Fatalities", props.fatalities);
    box.appendChild(dl);
    var url = String(props.article_url || "");
    if (url.charAt(0) === "/" && url.charAt(1) !== "/") {
      box.appendChild(el("a", { href: url }, "Open the sentence in the article"));
    }
    return box;
  }

  function groupFor(type, state) {
    if (!state.groups[type]) {
      var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
      var lines = L.featureGroup();
      var group = L.layerGroup([cluster, lines]).addTo(state.map);
      var label = el("span", null, type);
      var swatch = el("span", { "class": "incident-dot", style: "display:inline-block;width:10px;height:10px;background:" + colourFor(type, state) });
      var wrap = el("span");
      wrap.appendChild(swatch);
      wrap.appendChild(document.createTextNode(" "));
      wrap.appendChild(label);
      state.control.addOverlay(group, wrap.outerHTML);
      state.groups[type] = { group: group, cluster: cluster, lines: lines };
    }
    return state.groups[type];
  }

  function draw(state, collection) {
    Object.keys(state.groups).forEach(function (t) {
      state.groups[t].cluster.clearLayers();
      state.groups[t].lines.clearLayers();
    });
    var features = collection.features || [];
    features.forEach(function (f) {
      var props = f.properties || {};
      var type = props.event_type || "Other";
      var colour = colourFor(type, state);
      var g = groupFor(type, state);
      var approx = props.geo_precision >= 3 ? 0.55 : 1;
      var icon = L.divIcon({
        className: "incident-dot", iconSize: [14, 14],
        html: ""
      });
      var marker = L.marker([props.lat, props.lon], { icon: icon, opacity: approx, title: type });
      marker.on("add", function () {
        var node = marker.getElement();
        if (node) node.style.background = colour;
      });
      marker.bindPopup(function () { return popupNode(props); }, { maxWidth: 340 });
      g.cluster.addLayer(marker);
      var geom = f.geometry || {};
      if (geom.type === "LineString" || geom.type === "MultiLineString") {
        var line = L.geoJSON(geom, { style: { color: colour, weight: 5, opacity: 0.75 } });
        line.bindPopup(function () { return popupNode(props); }, { maxWidth: 340 });
        g.lines.addLayer(line);
      }
    });
    var counter = document.getElementById("incident-count");
    if (counter) counter.textContent = features.length + (collection.truncated ? "+" : "") + " incidents in view";
    state.map.fire("incidents:drawn", { count: features.length });
  }

  function load(state) {
    var params = new URLSearchParams(state.options.query || "");
    var b = state.map.getBounds();
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(","));
    if (!params.has("limit")) params.set("limit", "5000");
    var seq = ++state.seq;
    fetch(state.options.apiUrl + "?" + params.toString(), { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { if (seq === state.seq) draw(state, data); })
      .catch(function (err) {
        var counter = document.getElementById("incident-count");
        if (counter) counter.textContent = "Could not load incidents: " + err.message;
      });
  }

  window.IncidentMap = {
    init: function (map, options) {
      var state = {
        map: map, options: options || {}, groups: {}, extraColours: {}, seq: 0,
        control: L.control.layers(null, {}, { collapsed: false }).addTo(map)
      };
      var timer = null;
      map.on("moveend", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { load(state); }, 200);
      });
      load(state);
      window.IncidentMap.state = state;
      return state;
    },
    popupNode: popupNode
  };
})();
