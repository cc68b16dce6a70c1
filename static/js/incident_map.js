/* Incident map: loads /api/incidents as GeoJSON for the current viewport and draws it with
 * Leaflet.markercluster, one overlay per event type, roads as polylines.  When a viewport holds
 * too many incidents the API answers with server-side grid clusters, drawn as counted circles.
 * Every value from the data goes through textContent or element attributes, never innerHTML. */
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
  /* Bilingual labels: [English, Arabic]. */
  var LABELS = {
    date: ["Date", "التاريخ"], type: ["Type", "النوع"], place: ["Place", "المكان"], where: ["Where", "الموقع"],
    precision: ["Precision", "الدقة"], actors: ["Actors", "الأطراف"], fatalities: ["Fatalities", "القتلى"],
    open: ["Open the sentence in the article", "افتح الجملة في المقال"], unknown: ["unknown", "غير معروف"],
    status: ["Review", "المراجعة"], sources: ["Sources", "المصادر"],
    incident: ["Open the incident's page", "افتح صفحة الحادثة"]
  };
  /* Review statuses (webapp/models/incident.py STATUSES). */
  var STATUS = {
    unreviewed: ["unreviewed", "لم تُراجع"], verified: ["verified", "مؤكدة"], rejected: ["rejected", "مرفوضة"]
  };
  var PRECISION = {
    1: ["exact place", "مكان محدد"],
    2: ["near the place", "بالقرب من المكان"],
    3: ["approximate: district or governorate", "تقريبي: منطقة أو محافظة"]
  };
  /* Radius (m) of the area drawn around a precision-3 incident. */
  var AREA_RADIUS = 12000;
  /* Numbers and codes such as M4 or 2020-09-20 are isolated with <bdi> so they keep their order in RTL. */
  var BIDI_RE = /([A-Za-z]{1,3}\d{1,3}\b|\d[\d.,:\/-]*)/;

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

  /* Append text to parent as text nodes, with every number or code wrapped in <bdi>. */
  function appendBidi(parent, text) {
    String(text).split(BIDI_RE).forEach(function (part, i) {
      if (!part) return;
      parent.appendChild(i % 2 ? el("bdi", null, part) : document.createTextNode(part));
    });
    return parent;
  }

  function lang() { return (window.IncidentMap.state && window.IncidentMap.state.options.lang) || "en"; }

  /* An ACLED event or sub-event type in Arabic, from the options the page gives (the server's catalogue,
     webapp/i18n.py); undefined for a type it does not know. */
  function typeAr(type) {
    var state = window.IncidentMap.state;
    return ((state && state.options.event_types_ar) || {})[type];
  }

  /* A label in both languages, the interface language first. */
  function bilingual(pair) {
    var span = el("span", { "class": "bilingual" });
    var first = lang() === "ar" ? [pair[1], "ar"] : [pair[0], "en"];
    var second = lang() === "ar" ? [pair[0], "en"] : [pair[1], "ar"];
    span.appendChild(el("span", { lang: first[1], dir: first[1] === "ar" ? "rtl" : "ltr" }, first[0]));
    span.appendChild(document.createTextNode(" "));
    span.appendChild(el("span", { "class": "other-lang", lang: second[1], dir: second[1] === "ar" ? "rtl" : "ltr" }, second[0]));
    return span;
  }

  /* The sentence as text nodes, with the place wrapped in <mark> (offsets relative to the sentence). */
  function sentenceNode(props) {
    var p = el("p", { "class": "sentence", dir: "auto" });
    var s = props.sentence || "";
    var h = props.highlight;
    if (h && h[0] >= 0 && h[1] <= s.length && h[0] < h[1]) {
      appendBidi(p, s.slice(0, h[0]));
      appendBidi(p.appendChild(el("mark")), s.slice(h[0], h[1]));
      appendBidi(p, s.slice(h[1]));
    } else {
      appendBidi(p, s);
    }
    return p;
  }

  function popupNode(props) {
    var box = el("div", { "class": "incident-popup", dir: "auto" });
    appendBidi(box.appendChild(el("strong", { dir: "auto" })), props.sub_event_type || props.event_type || "");
    if (props.geo_precision >= 2) {
      box.appendChild(document.createTextNode(" "));
      box.appendChild(el("span", { "class": "precision-badge p" + props.geo_precision }))
        .appendChild(bilingual(props.geo_precision >= 3 ? ["approximate", "تقريبي"] : ["near", "بالقرب"]));
    }
    box.appendChild(sentenceNode(props));
    var dl = el("dl");
    function row(label, value) {
      if (value === undefined || value === null || value === "") return;
      dl.appendChild(el("dt")).appendChild(bilingual(LABELS[label]));
      appendBidi(dl.appendChild(el("dd", { dir: "auto" })), value);
    }
    var unknown = lang() === "ar" ? LABELS.unknown[1] : LABELS.unknown[0];
    row("date", props.date ? props.date + (props.date_precision && props.date_precision !== "day" ? " (" + props.date_precision + ")" : "") : unknown);
    row("type", (props.event_type || "") + (props.sub_event_type ? " — " + props.sub_event_type : ""));
    var arabic = [typeAr(props.event_type), typeAr(props.sub_event_type)].filter(Boolean).join(" — ");
    if (arabic) dl.lastChild.appendChild(el("span", { "class": "other-lang", lang: "ar", dir: "rtl" }, " · " + arabic));
    row("place", [props.place_name, props.place_name_ar].filter(Boolean).join(" — "));
    row("where", props.location_description);
    if (props.geo_precision) {
      var words = PRECISION[props.geo_precision] || ["", ""];
      row("precision", props.geo_precision + " · " + (lang() === "ar" ? words[1] + " — " + words[0] : words[0] + " — " + words[1]));
    }
    row("actors", (props.actors || []).join(lang() === "ar" ? "، " : ", "));
    row("fatalities", props.fatalities);
    var status = STATUS[props.status];
    if (status) {
      row("status", lang() === "ar" ? status[1] : status[0]);
      dl.lastChild.setAttribute("data-status", props.status);
    }
    box.appendChild(dl);
    var url = String(props.article_url || "");
    if ((props.source_count || 1) < 2 && localPath(url)) {
      box.appendChild(el("a", { href: url, "class": "sentence-link" })).appendChild(bilingual(LABELS.open));
    }
    if (props.source_count >= 2) box.appendChild(sourcesNode(props.sources || []));
    if (localPath(props.incident_url)) {
      box.appendChild(el("a", { href: props.incident_url, "class": "incident-link" })).appendChild(bilingual(LABELS.incident));
    }
    return box;
  }

  /* A path on this site ("/…", not "//host/…"): the only links a popup makes from the data. */
  function localPath(url) {
    url = String(url || "");
    return url.charAt(0) === "/" && url.charAt(1) !== "/";
  }

  /* Every report of a merged incident: its article's title, and its quote linking to the sentence. */
  function sourcesNode(sources) {
    var section = el("div", { "class": "sources" });
    section.appendChild(el("strong")).appendChild(bilingual(LABELS.sources));
    appendBidi(section.appendChild(el("span")), " (" + sources.length + ")");
    var list = section.appendChild(el("ol", { "class": "sources" }));
    sources.forEach(function (source) {
      var item = list.appendChild(el("li", { "class": "source", "data-article": String(source.article_id) }));
      item.appendChild(el("span", { "class": "source-title", dir: "auto" }, source.title || source.source_name || ""));
      var quote = item.appendChild(el("q", { dir: "auto" }));
      if (localPath(source.sentence_url)) {
        appendBidi(quote.appendChild(el("a", { href: source.sentence_url, "class": "quote", dir: "auto" })), source.quote || "");
      } else {
        appendBidi(quote, source.quote || "");
      }
    });
    return section;
  }

  function groupFor(type, state) {
    if (!state.groups[type]) {
      var cluster = L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 50,
        iconCreateFunction: function (c) { return clusterIcon(c.getChildCount(), colourFor(type, state)); }
      });
      var lines = L.featureGroup();
      var areas = L.featureGroup();
      var group = L.layerGroup([areas, cluster, lines]).addTo(state.map);
      var label = el("span", null, type);
      var swatch = el("span", { "class": "incident-dot swatch", "data-colour": colourFor(type, state) });
      var wrap = el("span");
      wrap.appendChild(swatch);
      wrap.appendChild(document.createTextNode(" "));
      wrap.appendChild(label);
      state.control.addOverlay(group, wrap.outerHTML);
      state.groups[type] = { group: group, cluster: cluster, lines: lines, areas: areas };
    }
    return state.groups[type];
  }

  /* Leaflet's layer control takes each label as HTML; the Content-Security-Policy refuses style attributes
     there, so a swatch carries its colour as data-colour and is painted through the CSSOM. */
  var SwatchLayers = L.Control.Layers.extend({
    _addItem: function (obj) {
      var label = L.Control.Layers.prototype._addItem.call(this, obj);
      label.querySelectorAll("[data-colour]").forEach(function (node) {
        node.style.background = node.getAttribute("data-colour");
      });
      return label;
    }
  });

  /* A cluster circle with its count; class incident-cluster whether made by markercluster or the server. */
  function clusterIcon(count, colour) {
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 44 : 52;
    var icon = L.divIcon({ className: "incident-cluster", iconSize: [size, size], html: "" });
    icon.createIcon = function (old) {
      var node = L.DivIcon.prototype.createIcon.call(this, old);
      node.style.background = colour;
      node.style.lineHeight = size + "px";
      node.textContent = count >= 10000 ? Math.round(count / 1000) + "k" : String(count);
      return node;
    };
    return icon;
  }

  function dominantType(types) {
    var best = null;
    Object.keys(types || {}).forEach(function (t) { if (best === null || types[t] > types[best]) best = t; });
    return best || "Other";
  }

  function drawCells(state, features) {
    features.forEach(function (f) {
      var props = f.properties || {};
      var c = f.geometry.coordinates;
      var colour = colourFor(dominantType(props.types), state);
      var marker = L.marker([c[1], c[0]], { icon: clusterIcon(props.count, colour), title: String(props.count) });
      marker.on("click", function () { state.map.setView([c[1], c[0]], Math.min(state.map.getZoom() + 2, 18)); });
      state.cells.addLayer(marker);
    });
  }

  function draw(state, collection) {
    var open = openIncident(state);
    Object.keys(state.groups).forEach(function (t) {
      state.groups[t].cluster.clearLayers();
      state.groups[t].lines.clearLayers();
      state.groups[t].areas.clearLayers();
    });
    state.cells.clearLayers();
    state.markers = {};
    var features = collection.features || [];
    var shown = features.length;
    if (collection.clustered) {
      drawCells(state, features);
      shown = collection.total;
    } else {
      features.forEach(function (f) { drawFeature(state, f); });
    }
    var counter = document.getElementById("incident-count");
    if (counter) {
      counter.textContent = "";
      appendBidi(counter, shown + (collection.truncated ? "+" : "") + " " + (state.options.strings ? state.options.strings.in_view : "incidents in view"));
    }
    if (window.__incidentsDrawnAt === undefined) window.__incidentsDrawnAt = performance.now();
    state.map.fire("incidents:drawn", { count: shown, clustered: !!collection.clustered });
    reopen(state, open);
    focusIncident(state);
  }

  /* The incident whose popup is open, and that popup: a redraw (after a pan, or the popup's own auto-pan)
     replaces every marker, and the reader's popup must survive it. */
  function openIncident(state) {
    var ids = Object.keys(state.markers);
    for (var i = 0; i < ids.length; i++) {
      var marker = state.markers[ids[i]].marker;
      if (marker.isPopupOpen()) return { id: ids[i], popup: marker.getPopup() };
    }
    return null;
  }

  /* The same popup object on the new marker: Leaflet re-adds its element, so nothing closes and reopens. */
  function reopen(state, open) {
    var entry = open ? state.markers[open.id] : null;
    if (entry && entry.group.cluster.getVisibleParent(entry.marker) === entry.marker) {
      entry.marker.bindPopup(open.popup).openPopup();
    }
  }

  function drawFeature(state, f) {
    var props = f.properties || {};
    var type = props.event_type || "Other";
    var colour = colourFor(type, state);
    var g = groupFor(type, state);
    var precision = props.geo_precision || 1;
    var icon = L.divIcon({
      className: "incident-dot" + (precision >= 3 ? " approximate" : precision === 2 ? " near" : ""),
      iconSize: [14, 14], html: ""
    });
    var title = type + (precision >= 3 ? " (approximate)" : precision === 2 ? " (near)" : "");
    var marker = L.marker([props.lat, props.lon], {
      icon: icon, opacity: precision >= 3 ? 0.7 : 1, title: title, draggable: !!state.options.edit
    });
    if (state.options.edit) marker.on("dragend", function () { moveIncident(state, props.id, marker.getLatLng()); });
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) { node.style.background = colour; node.setAttribute("data-incident", String(props.id)); }
    });
    marker.bindPopup(function () { return popupNode(props); }, { maxWidth: 340, autoPanPaddingTopLeft: [20, 60] });
    g.cluster.addLayer(marker);
    state.markers[props.id] = { marker: marker, group: g };
    var geom = f.geometry || {};
    if (geom.type === "LineString" || geom.type === "MultiLineString") {
      var line = L.geoJSON(geom, { style: { color: colour, weight: 5, opacity: 0.75 } });
      line.bindPopup(function () { return popupNode(props); }, { maxWidth: 340, autoPanPaddingTopLeft: [20, 60] });
      g.lines.addLayer(line);
    } else if (precision >= 3) {
      /* An area, not a point: the incident happened somewhere in this district or governorate. */
      var area = L.circle([props.lat, props.lon], {
        radius: AREA_RADIUS, color: colour, weight: 1, dashArray: "4 4", fillOpacity: 0.08, interactive: false
      });
      g.areas.addLayer(area);
    }
  }

  /* /map?incident=<id>: open that incident's popup once it is drawn.  Done only when the popup opens on
     the marker still shown: a redraw during the zoom replaces the marker, and the next draw tries again. */
  function focusIncident(state) {
    var focus = state.options.focus;
    if (!focus || state.focused) return;
    var entry = state.markers[focus.id];
    if (!entry) return;
    entry.group.cluster.zoomToShowLayer(entry.marker, function () {
      if (state.focused || state.markers[focus.id] !== entry) return;
      state.focused = true;
      entry.marker.openPopup();
    });
  }

  /* The filter part of the query: what the controls set, else the page's own query string. */
  function filterParams(state) {
    if (window.IncidentMap.filterQuery) return new URLSearchParams(window.IncidentMap.filterQuery());
    return new URLSearchParams(state.options.query || "");
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
      .then(function () { load(state); });
  }

  function load(state) {
    var params = filterParams(state);
    params.delete("lang");
    params.delete("incident");
    var b = state.map.getBounds();
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(","));
    params.set("zoom", String(state.map.getZoom()));
    if (!params.has("limit")) params.set("limit", "5000");
    var seq = ++state.seq;
    fetch(state.options.apiUrl + "?" + params.toString(), { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { if (seq === state.seq) draw(state, data); })
      .catch(function (err) {
        var counter = document.getElementById("incident-count");
        if (counter) counter.textContent = ((state.options.strings || {}).load_error || "Could not load incidents") + ": " + err.message;
      });
  }

  window.IncidentMap = {
    init: function (map, options) {
      var state = {
        map: map, options: options || {}, groups: {}, extraColours: {}, seq: 0, markers: {},
        cells: L.layerGroup().addTo(map),
        control: new SwatchLayers(null, {}, { collapsed: true, position: "topright" }).addTo(map)
      };
      window.IncidentMap.state = state;
      if (state.options.focus) map.setView([state.options.focus.lat, state.options.focus.lon], 13);
      var timer = null;
      map.on("moveend", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { load(state); }, 200);
      });
      if (window.IncidentMap.onInit) window.IncidentMap.onInit(state);
      load(state);
      return state;
    },
    reload: function () { if (window.IncidentMap.state) load(window.IncidentMap.state); },
    colourFor: function (type) { return colourFor(type, window.IncidentMap.state); },
    COLOURS: COLOURS,
    typeAr: typeAr,
    el: el,
    appendBidi: appendBidi,
    popupNode: popupNode
  };
})();
