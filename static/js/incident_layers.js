/* The incidents on the map: one Leaflet.markercluster group for every type (its clusters are donuts of
 * the types, static/js/map-clusters.js), the server's grid cells, roads as lines and the areas of
 * approximate incidents.  A redraw works by difference: an incident still in the answer keeps its
 * marker, so an open popup survives it.  Loaded after incident_map.js, whose IncidentMap it extends.
 * Every value from the data goes through textContent or element attributes, never innerHTML. */
(function () {
  "use strict";

  var M = window.IncidentMap;
  /* Radius (m) of the area drawn around a precision-3 incident. */
  var AREA_RADIUS = 12000;

  function colourFor(type) { return M.colourFor(type); }

  function el(tag, attrs, text) { return M.el(tag, attrs, text); }

  function appendBidi(parent, text) { return M.appendBidi(parent, text); }

  /* A type's name in the interface language (ACLED names stay English in English). */
  function typeLabel(type) {
    var state = M.state;
    return (state && state.options.lang === "ar" && M.typeAr(type)) || type;
  }

  /* One event type's lines (roads) and areas (precision 3).  Its markers live in the one cluster group,
     state.cluster, so that every cluster counts every type and no lone marker sits on a cluster. */
  function groupFor(type, state) {
    if (!state.groups[type]) {
      var lines = L.featureGroup();
      var areas = L.featureGroup();
      var group = L.layerGroup([areas, lines]).addTo(state.map);
      state.groups[type] = { group: group, lines: lines, areas: areas, visible: true };
      if (state.onType) state.onType(type, colourFor(type));
    }
    return state.groups[type];
  }

  /* Show or hide one event type: its lines and areas, its markers and its share of every cluster. */
  function setTypeVisible(state, type, visible) {
    var g = groupFor(type, state);
    if (g.visible === visible) return;
    g.visible = visible;
    if (visible) state.map.addLayer(g.group); else state.map.removeLayer(g.group);
    var markers = Object.keys(state.markers)
      .map(function (id) { return state.markers[id]; })
      .filter(function (entry) { return entry.type === type; })
      .map(function (entry) { return entry.marker; });
    if (visible) state.cluster.addLayers(markers); else state.cluster.removeLayers(markers);
    drawCells(state);
  }

  /* Incidents per type among markers, or among a server cell's counts; hidden types left out. */
  function visibleCounts(state, counts) {
    var out = {};
    Object.keys(counts).forEach(function (t) { if (groupFor(t, state).visible) out[t] = counts[t]; });
    return out;
  }

  /* A donut of the types' shares (static/js/map-clusters.js), its size following the count. */
  function mixIcon(state, counts, total) {
    var slices = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).map(function (t) {
      return { colour: colourFor(t), count: counts[t], label: typeLabel(t) };
    });
    return M.clusterIcon(slices, total, tr(state, "cluster"));
  }

  function makeClusterGroup(state) {
    // Incidents at one point never separate by zooming: markercluster spiderfies them at the first
    // click, because their cluster stays whole down to the maximum zoom.
    return L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 50, spiderfyDistanceMultiplier: 1.4,
      iconCreateFunction: function (cluster) {
        var counts = {};
        cluster.getAllChildMarkers().forEach(function (m) {
          counts[m.options.incidentType] = (counts[m.options.incidentType] || 0) + 1;
        });
        return mixIcon(state, counts, cluster.getChildCount());
      }
    });
  }

  /* The server's grid cells (a view with too many incidents); clicking one zooms in. */
  function drawCells(state) {
    state.cells.clearLayers();
    state.cellFeatures.forEach(function (f) {
      var props = f.properties || {};
      var c = f.geometry.coordinates;
      var counts = visibleCounts(state, props.types || {});
      var all = Object.keys(counts).length === Object.keys(props.types || {}).length;
      var total = all ? props.count : Object.keys(counts).reduce(function (n, t) { return n + counts[t]; }, 0);
      if (!total) return;
      var marker = L.marker([c[1], c[0]], { icon: mixIcon(state, counts, total), title: String(total) });
      marker.on("click", function () { state.map.setView([c[1], c[0]], Math.min(state.map.getZoom() + 2, 18)); });
      state.cells.addLayer(marker);
    });
  }

  function incidentMarker(state, props, type) {
    var colour = colourFor(type);
    var precision = props.geo_precision || 1;
    var icon = L.divIcon({
      className: "incident-dot" + (precision >= 3 ? " approximate" : precision === 2 ? " near" : ""),
      iconSize: [14, 14], html: ""
    });
    var title = typeLabel(type) + (precision >= 3 ? " (" + tr(state, "approximate") + ")" : precision === 2 ? " (" + tr(state, "near") + ")" : "");
    var marker = L.marker([props.lat, props.lon], {
      icon: icon, opacity: precision >= 3 ? 0.7 : 1, title: title, draggable: !!state.options.edit, incidentType: type
    });
    if (state.options.edit) marker.on("dragend", function () { moveIncident(state, props.id, marker.getLatLng()); });
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) { node.style.background = colour; node.setAttribute("data-incident", String(props.id)); }
    });
    marker.bindPopup(function () { return M.popupNode(props); }, { maxWidth: 340, autoPanPaddingTopLeft: [20, 60] });
    return marker;
  }

  function tr(state, key) { return (state.options.strings || {})[key] || key; }

  function isLine(geometry) { return geometry.type === "LineString" || geometry.type === "MultiLineString"; }

  /* What the map keeps of one incident: its feature's signature (a redraw keeps an entry whose
     signature is unchanged), its marker, and the area drawn around a precision-3 point. */
  function markerEntry(state, f, sig) {
    var props = f.properties || {};
    var type = props.event_type || "Other";
    var geometry = f.geometry || {};
    var entry = { sig: sig, props: props, type: type, geometry: geometry, marker: incidentMarker(state, props, type) };
    if (!isLine(geometry) && (props.geo_precision || 1) >= 3) {
      // An area, not a point: the incident happened somewhere in this district or governorate.
      entry.area = L.circle([props.lat, props.lon], {
        radius: AREA_RADIUS, color: colourFor(type), weight: 1, dashArray: "4 4", fillOpacity: 0.08, interactive: false
      });
    }
    return entry;
  }

  function addEntries(state, entries) {
    var markers = [];
    entries.forEach(function (e) {
      var g = groupFor(e.type, state);
      if (e.area) g.areas.addLayer(e.area);
      if (g.visible) markers.push(e.marker);
    });
    if (markers.length) state.cluster.addLayers(markers);
  }

  function removeEntries(state, entries) {
    var markers = [];
    entries.forEach(function (e) {
      var g = groupFor(e.type, state);
      if (e.area) g.areas.removeLayer(e.area);
      if (g.visible) markers.push(e.marker);
    });
    // Removing folds a spiderfied cluster (and closes a popup open on one of its legs): only when needed.
    if (markers.length) state.cluster.removeLayers(markers);
  }

  /* Bring the markers in line with the features by difference: an incident still there keeps its
     marker, so an open popup, a spiderfied cluster and the reader's bearings survive a refetch. */
  function syncMarkers(state, features) {
    var open = openIncident(state);
    var old = state.markers;
    var next = {};
    var added = [];
    features.forEach(function (f) {
      var id = String((f.properties || {}).id);
      var sig = JSON.stringify(f);
      if (old[id] && old[id].sig === sig) {
        next[id] = old[id];
      } else {
        next[id] = markerEntry(state, f, sig);
        added.push(next[id]);
      }
    });
    var removed = Object.keys(old).filter(function (id) { return next[id] !== old[id]; }).map(function (id) { return old[id]; });
    removeEntries(state, removed);
    addEntries(state, added);
    state.markers = next;
    reopen(state, open);
  }

  /* The incident whose popup is open, and that popup. */
  function openIncident(state) {
    var ids = Object.keys(state.markers);
    for (var i = 0; i < ids.length; i++) {
      var entry = state.markers[ids[i]];
      if (entry.marker.isPopupOpen()) return { id: ids[i], entry: entry, popup: entry.marker.getPopup() };
    }
    return null;
  }

  /* An incident changed while its popup was open (a correction): the same popup moves to its new marker. */
  function reopen(state, open) {
    var entry = open ? state.markers[open.id] : null;
    if (!entry || entry === open.entry) return;
    if (state.cluster.getVisibleParent(entry.marker) === entry.marker) entry.marker.bindPopup(open.popup).openPopup();
  }

  /* Road incidents as lines, one per type and course.  Incidents on one course share a line whose popup
     lists them all: lines drawn on top of each other would leave all but the top one unclickable. */
  function syncLines(state) {
    var wanted = {};
    state.onCourse = {};
    Object.keys(state.markers).forEach(function (id) {
      var e = state.markers[id];
      if (!isLine(e.geometry)) return;
      var course = JSON.stringify(e.geometry.coordinates);
      (state.onCourse[course] = state.onCourse[course] || []).push(e.props);
      wanted[e.type + "\n" + course] = { type: e.type, course: course, geometry: e.geometry };
    });
    Object.keys(state.lines).forEach(function (key) {
      if (wanted[key]) return;
      groupFor(state.lines[key].type, state).lines.removeLayer(state.lines[key].layer);
      delete state.lines[key];
    });
    Object.keys(wanted).forEach(function (key) {
      if (state.lines[key]) return;
      var w = wanted[key];
      var layer = L.geoJSON(w.geometry, { style: { color: colourFor(w.type), weight: 5, opacity: 0.75 } });
      layer.bindPopup(function () { return coursePopup(state, w.course); }, { maxWidth: 340, maxHeight: 320, autoPanPaddingTopLeft: [20, 60] });
      groupFor(w.type, state).lines.addLayer(layer);
      state.lines[key] = { type: w.type, layer: layer };
    });
  }

  /* The popup of a road line: its incident, or the list of every incident drawn on that course. */
  function coursePopup(state, course) {
    var incidents = state.onCourse[course] || [];
    if (incidents.length === 1) return M.popupNode(incidents[0]);
    var box = el("div", { "class": "incident-list", dir: "auto" });
    appendBidi(box.appendChild(el("p", { "class": "incident-list-head" })), incidents.length + " · " + tr(state, "same_line"));
    incidents.forEach(function (props) { box.appendChild(M.popupNode(props)); });
    return box;
  }

  /* Draw one answer of /api/incidents: the server's cells, or the incidents (markers kept by
     difference) and their lines; then open the popup the page asked for, if it is drawn. */
  function drawIncidents(state, collection) {
    var features = collection.features || [];
    state.cellFeatures = collection.clustered ? features : [];
    syncMarkers(state, collection.clustered ? [] : features);
    syncLines(state);
    drawCells(state);
    focusIncident(state);
  }

  /* /map?incident=<id>: open that incident's popup once it is drawn.  Done only when the popup opens on
     the marker still shown: a redraw during the zoom may replace the marker, and the next draw tries again. */
  function focusIncident(state) {
    var focus = state.options.focus;
    if (!focus || state.focused) return;
    var entry = state.markers[focus.id];
    if (!entry) return;
    state.cluster.zoomToShowLayer(entry.marker, function () {
      if (state.focused || state.markers[focus.id] !== entry) return;
      state.focused = true;
      entry.marker.openPopup();
    });
  }

  /* An analyst dropped a marker: the incident's point is set there (exact), and the map reloads, so it
     shows what was stored, or the old point again when the change was refused. */
  function moveIncident(state, id, latlng) {
    var edit = state.options.edit;
    var body = { lat: +latlng.lat.toFixed(5), lon: +latlng.lng.toFixed(5), geo_precision: 1 };
    fetch(edit.url.replace(/0$/, String(id)), {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": edit.csrf },
      body: JSON.stringify(body)
    })
      .then(function (r) { if (!r.ok) return r.json().then(function (e) { throw new Error(e.error || "HTTP " + r.status); }); })
      .catch(function (err) {
        var counter = document.getElementById("incident-count");
        if (counter) counter.textContent = err.message;
      })
      .then(function () { M.reload(); });
  }

  /* The empty layers of a new map: the cluster group, the server's cells, and the per-type groups to come. */
  M.createIncidentLayers = function (state) {
    state.groups = {};
    state.markers = {};
    state.lines = {};
    state.onCourse = {};
    state.cellFeatures = [];
    state.cells = L.layerGroup().addTo(state.map);
    state.cluster = makeClusterGroup(state).addTo(state.map);
  };
  M.drawIncidents = drawIncidents;
  M.openIncident = openIncident;
  M.typeLabel = typeLabel;
  M.setTypeVisible = function (type, visible) { setTypeVisible(M.state, type, visible); };
})();
