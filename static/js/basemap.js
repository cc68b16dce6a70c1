/* Offline basemap: the country and its coast, rivers and lakes, governorate and district borders, main roads and town
 * labels, drawn from the app's own GeoJSON files (static/geo/basemap-*.geojson, built by
 * `python -m gazetteer.places.basemap`).  Every pane sits below Leaflet's tile pane (z-index 200), so
 * tiles from TILE_URL cover the basemap whenever they load, and the map stays readable when they don't.
 * Labels are in the interface language; names are set with textContent, never as HTML. */
(function () {
  "use strict";

  /* Pane name → z-index: land under water under lines under labels, all under the tiles. */
  var PANES = { basemapLand: 110, basemapWater: 115, basemapLines: 120, basemapLabels: 130 };
  var STYLES = {
    land: { color: "#9e9e9e", weight: 1, fillColor: "#f5f2ea", fillOpacity: 1 },
    coast: { color: "#5b8db8", weight: 2.5, fill: false },
    lake: { color: "#7fa7c9", weight: 0.8, fillColor: "#aacbe6", fillOpacity: 1 },
    river: { color: "#6f9fcb", weight: 1.6, fill: false },
    governorate: { color: "#7e6b8f", weight: 1.6, fill: false },
    district: { color: "#b3a6bf", weight: 0.8, dashArray: "3 3", fill: false },
    road: { color: "#d89b3c", weight: 2.2, opacity: 0.9 }
  };

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  /* Leaflet's attribution control takes HTML: the layer's short credit is escaped first (the files'
     ``attribution`` names every source and licence; the README lists them too). */
  function attribute(map, data) {
    var credit = data.credit || data.attribution;
    if (!map.attributionControl || !credit) return;
    var escaped = String(credit).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
    map.attributionControl.addAttribution(escaped);
  }

  function makePanes(map) {
    Object.keys(PANES).forEach(function (name) {
      var pane = map.getPane(name) || map.createPane(name);
      pane.style.zIndex = PANES[name];
      pane.style.pointerEvents = "none";
    });
  }

  function drawLand(group, data) {
    L.geoJSON(data, {
      pane: "basemapLand", interactive: false,
      style: function (f) { return f.properties.kind === "coast" ? STYLES.coast : STYLES.land; }
    }).addTo(group);
  }

  function drawWater(map, group, data) {
    var layer = L.geoJSON(data, {
      pane: "basemapWater", interactive: false,
      style: function (f) { return f.properties.kind === "lake" ? STYLES.lake : STYLES.river; }
    }).addTo(group);
    // Rivers widen as the map zooms in, as on a printed map.
    function widen() {
      var weight = Math.max(1, Math.min(4, map.getZoom() - 5));
      layer.eachLayer(function (line) {
        if (line.feature.properties.kind === "river") line.setStyle({ weight: weight });
      });
    }
    map.on("zoomend", widen);
    widen();
  }

  function drawBorders(group, data) {
    L.geoJSON(data, {
      pane: "basemapLines", interactive: false,
      style: function (f) { return f.properties.level === 1 ? STYLES.governorate : STYLES.district; }
    }).addTo(group);
  }

  function drawRoads(group, data) {
    L.geoJSON(data, { pane: "basemapLines", interactive: false, style: STYLES.road }).addTo(group);
  }

  /* A label's marker: its text in the interface language, the town's size as a class. */
  function labelMarker(feature, lang) {
    var p = feature.properties;
    var text = (lang === "ar" && p.name_ar) || p.name;
    var icon = L.divIcon({ className: "basemap-label basemap-label-z" + p.minzoom, iconSize: null, html: "" });
    icon.createIcon = function (old) {
      var node = L.DivIcon.prototype.createIcon.call(this, old);
      node.textContent = text;
      node.setAttribute("dir", "auto");
      return node;
    };
    var c = feature.geometry.coordinates;
    return L.marker([c[1], c[0]], { icon: icon, pane: "basemapLabels", interactive: false, keyboard: false });
  }

  /* A label's box in projected pixels at ``zoom`` (the same wherever the map is panned), its width
     estimated from the text and the font size its town's class gives it (static/css/basemap.css). */
  function labelBox(map, entry, zoom) {
    var p = map.project(entry.marker.getLatLng(), zoom);
    var half = entry.text.length * (entry.minzoom <= 6 ? 4.5 : 3.5) + 3;
    return [p.x - half, p.y - 9, p.x + half, p.y + 9];
  }

  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  /* Labels show from their own zoom on, largest towns first (the file's order); a label that would
     cover one already shown waits for a closer zoom, so names never pile up. */
  function drawLabels(map, group, data, lang) {
    var entries = data.features.map(function (f) {
      var p = f.properties;
      return { minzoom: p.minzoom, text: (lang === "ar" && p.name_ar) || p.name, marker: labelMarker(f, lang) };
    });
    function update() {
      var zoom = map.getZoom();
      var placed = [];
      entries.forEach(function (e) {
        var show = zoom >= e.minzoom;
        if (show) {
          var box = labelBox(map, e, zoom);
          show = placed.every(function (other) { return !overlaps(box, other); });
          if (show) placed.push(box);
        }
        var shown = group.hasLayer(e.marker);
        if (show && !shown) group.addLayer(e.marker);
        else if (!show && shown) group.removeLayer(e.marker);
      });
    }
    map.on("zoomend", update);
    update();
  }

  /* Adds the basemap to ``map``: options are the map page's (urls.basemap, lang, strings).  The borders,
     roads and labels join the map's one layer control (IncidentMap.addOverlay).  Returns the layer groups. */
  function add(map, options) {
    var urls = (options.urls || {}).basemap;
    if (!urls) return null;
    var strings = options.strings || {};
    makePanes(map);
    map.getContainer().classList.add("has-basemap");
    var groups = {
      land: L.layerGroup().addTo(map),
      water: L.layerGroup().addTo(map),
      borders: L.layerGroup().addTo(map),
      roads: L.layerGroup().addTo(map),
      labels: L.layerGroup().addTo(map)
    };
    if (window.IncidentMap && window.IncidentMap.addOverlay) {
      ["water", "borders", "roads", "labels"].forEach(function (name) {
        window.IncidentMap.addOverlay(strings["basemap_" + name] || name, groups[name], null,
          { id: "basemap-" + name, checked: true });
      });
    }
    var draw = {
      land: function (data) { drawLand(groups.land, data); },
      water: function (data) { drawWater(map, groups.water, data); },
      borders: function (data) { drawBorders(groups.borders, data); },
      roads: function (data) { drawRoads(groups.roads, data); },
      labels: function (data) { drawLabels(map, groups.labels, data, options.lang); }
    };
    Object.keys(draw).forEach(function (name) {
      // One request per layer, each cached by the browser; a failed layer leaves the others drawn.
      if (!urls[name]) return;
      getJSON(urls[name])
        .then(function (data) { draw[name](data); attribute(map, data); })
        .catch(function () { /* the other layers and the incidents still show */ });
    });
    return groups;
  }

  window.Basemap = { add: add, STYLES: STYLES };
})();
