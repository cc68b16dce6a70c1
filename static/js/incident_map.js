/* Incident map: the type palette, the incident popup, and the loading of /api/incidents as GeoJSON for
 * the current viewport (drawn by static/js/incident_layers.js; controls in map-layers.js and
 * map-controls.js).  Every value from the data goes through textContent or element attributes, never
 * innerHTML. */
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

  /* A catalogue string (webapp/i18n.py) as [English, Arabic]: the popup names each field in both
     languages, so the page's options carry those strings in both (webapp/maps/options.py). */
  function both(key) {
    var state = window.IncidentMap.state;
    return ((state && state.options.bilingual) || {})[key] || [key, key];
  }

  /* A catalogue string in the interface language. */
  function one(key) { return both(key)[lang() === "ar" ? 1 : 0]; }

  /* Actor names in the interface language (the catalogue's Arabic names, else as stored). */
  function actorNames(names) {
    var state = window.IncidentMap.state;
    var arabic = lang() === "ar" ? ((state && state.options.actors_ar) || {}) : {};
    return (names || []).map(function (name) { return arabic[name] || name; }).join(lang() === "ar" ? "، " : ", ");
  }

  /* A label in both languages, the interface language first. */
  function bilingual(key) {
    var pair = both(key);
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
    var heading = props.sub_event_type || props.event_type || "";
    appendBidi(box.appendChild(el("strong", { dir: "auto" })), (lang() === "ar" && typeAr(heading)) || heading);
    if (props.geo_precision >= 2) {
      box.appendChild(document.createTextNode(" "));
      box.appendChild(el("span", { "class": "precision-badge p" + props.geo_precision }))
        .appendChild(bilingual(props.geo_precision >= 3 ? "precision_badge_3" : "precision_badge_2"));
    }
    box.appendChild(sentenceNode(props));
    var dl = el("dl");
    function row(label, value) {
      if (value === undefined || value === null || value === "") return;
      dl.appendChild(el("dt")).appendChild(bilingual(label));
      appendBidi(dl.appendChild(el("dd", { dir: "auto" })), value);
    }
    var datePrecision = props.date_precision && props.date_precision !== "day" ? " (" + one("date_" + props.date_precision) + ")" : "";
    row("date", props.date ? props.date + datePrecision : one("unknown"));
    /* The type in the interface language, then in the other one. */
    var english = [props.event_type, props.sub_event_type].filter(Boolean).join(" — ");
    var arabic = [typeAr(props.event_type), typeAr(props.sub_event_type)].filter(Boolean).join(" — ");
    var types = lang() === "ar" && arabic ? [arabic, english, "en", "ltr"] : [english, arabic, "ar", "rtl"];
    row("type", types[0]);
    if (types[1]) dl.lastChild.appendChild(el("span", { "class": "other-lang", lang: types[2], dir: types[3] }, " · " + types[1]));
    row("place", [props.place_name, props.place_name_ar].filter(Boolean).join(" — "));
    row("where", props.location_description);
    if (props.geo_precision) {
      var words = both("precision_" + props.geo_precision);
      row("precision", props.geo_precision + " · " + (lang() === "ar" ? words[1] + " — " + words[0] : words[0] + " — " + words[1]));
    }
    row("actors", actorNames(props.actors));
    row("fatalities", props.fatalities);
    /* Review statuses: webapp/models/incident.py STATUSES. */
    if (["unreviewed", "verified", "rejected"].indexOf(props.status) >= 0) {
      row("review", one("status_" + props.status));
      dl.lastChild.setAttribute("data-status", props.status);
    }
    box.appendChild(dl);
    var url = String(props.article_url || "");
    if ((props.source_count || 1) < 2 && localPath(url)) {
      box.appendChild(el("a", { href: url, "class": "sentence-link" })).appendChild(bilingual("open_sentence"));
    }
    if (props.source_count >= 2) box.appendChild(sourcesNode(props.sources || []));
    if (localPath(props.incident_url)) {
      box.appendChild(el("a", { href: props.incident_url, "class": "incident-link" })).appendChild(bilingual("open_incident"));
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
    section.appendChild(el("strong")).appendChild(bilingual("sources"));
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


  /* The filter part of the query: what the controls set, else the page's own query string. */
  function filterParams(state) {
    if (window.IncidentMap.filterQuery) return new URLSearchParams(window.IncidentMap.filterQuery());
    return new URLSearchParams(state.options.query || "");
  }

  /* ---- fetching --------------------------------------------------------------------------------- */

  function tr(state, key) { return (state.options.strings || {})[key] || key; }

  function showCount(state, shown, truncated) {
    var counter = document.getElementById("incident-count");
    if (!counter) return;
    counter.textContent = "";
    appendBidi(counter, shown + (truncated ? "+" : "") + " " + tr(state, "in_view"));
  }

  function draw(state, collection) {
    window.IncidentMap.drawIncidents(state, collection);
    var shown = collection.clustered ? collection.total : (collection.features || []).length;
    showCount(state, shown, collection.truncated);
    window.IncidentMap.fetches += 1;
    if (window.__incidentsDrawnAt === undefined) window.__incidentsDrawnAt = performance.now();
    state.map.fire("incidents:drawn", { count: shown, clustered: !!collection.clustered });
  }

  function load(state) {
    clearTimeout(state.timer);
    state.timer = null;
    var params = filterParams(state);
    params.delete("lang");
    params.delete("incident");
    var b = state.map.getBounds();
    params.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(4); }).join(","));
    params.set("zoom", String(state.map.getZoom()));
    if (!params.has("limit")) params.set("limit", "5000");
    var seq = ++state.seq;
    state.inFlight = seq;
    fetch(state.options.apiUrl + "?" + params.toString(), { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { if (seq === state.seq) draw(state, data); })
      .catch(function (err) {
        var counter = document.getElementById("incident-count");
        if (counter) counter.textContent = tr(state, "load_error") + ": " + err.message;
      })
      .then(function () { if (state.inFlight === seq) state.inFlight = 0; });
  }

  function scheduleLoad(state) {
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { load(state); }, 200);
  }

  /* Refetch after every move but one: the pan a popup makes to fit in the view.  The markers it would
     bring beside the open one could cluster that one away and close the popup, so that view is fetched
     when the popup closes, or at the next move. */
  function watchMoves(state) {
    var map = state.map;
    map.on("autopanstart", function () { state.autopanning = true; });
    map.on("moveend", function () {
      var popupPan = state.autopanning;
      state.autopanning = false;
      if (popupPan && window.IncidentMap.openIncident(state)) {
        state.deferred = true;
        return;
      }
      state.deferred = false;
      scheduleLoad(state);
    });
    map.on("popupclose", function () {
      if (!state.deferred) return;
      state.deferred = false;
      scheduleLoad(state);
    });
  }

  window.IncidentMap = {
    init: function (map, options) {
      var state = { map: map, options: options || {}, extraColours: {}, seq: 0, timer: null, inFlight: 0, deferred: false };
      window.IncidentMap.state = state;
      window.IncidentMap.createIncidentLayers(state);
      if (window.Basemap) window.Basemap.add(map, state.options);
      if (state.options.focus) map.setView([state.options.focus.lat, state.options.focus.lon], 13);
      watchMoves(state);
      if (window.IncidentMap.onInit) window.IncidentMap.onInit(state);
      load(state);
      return state;
    },
    reload: function () { if (window.IncidentMap.state) load(window.IncidentMap.state); },
    /* Completed incident queries: tests wait for it to move instead of sleeping. */
    fetches: 0,
    /* True when no incident query is waiting or running. */
    settled: function () {
      var state = window.IncidentMap.state;
      return !!state && !state.timer && !state.inFlight;
    },
    colourFor: function (type) { return colourFor(type, window.IncidentMap.state); },
    COLOURS: COLOURS,
    typeAr: typeAr,
    el: el,
    appendBidi: appendBidi,
    popupNode: popupNode
  };
})();
