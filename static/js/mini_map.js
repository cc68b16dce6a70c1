/* Small Leaflet maps of the incident page and the review queue: every .mini-map element gets a map
 * of the points in its data-points (JSON: [{lat, lon, label, kind, form?}]).  The chosen place is a
 * filled circle; a runner-up an open one, and clicking it submits the form whose id it names (the
 * review row's "use this place" button), so picking a runner-up on the map moves the incident.
 * Labels go through Leaflet's tooltips as text nodes, never as HTML. */
(function () {
  "use strict";

  var STYLE = {
    chosen: { radius: 8, color: "#b71c1c", weight: 2, fillColor: "#d32f2f", fillOpacity: 0.9 },
    "runner-up": { radius: 7, color: "#455a64", weight: 2, fillColor: "#ffffff", fillOpacity: 0.9 }
  };

  function text(value) {
    var span = document.createElement("span");
    span.setAttribute("dir", "auto");
    span.textContent = String(value || "");
    return span;
  }

  function draw(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var points = JSON.parse(box.dataset.points || "[]").filter(function (p) {
      return isFinite(p.lat) && isFinite(p.lon) && p.lat !== null && p.lon !== null;
    });
    if (!points.length) return;
    var map = L.map(box, { scrollWheelZoom: false });
    if (box.dataset.tiles) {
      L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution || "", maxZoom: 18 }).addTo(map);
    }
    var latlngs = [];
    points.forEach(function (p) {
      var kind = STYLE[p.kind] ? p.kind : "runner-up";
      var marker = L.circleMarker([p.lat, p.lon], STYLE[kind]).addTo(map);
      if (p.label) marker.bindTooltip(text(p.label), { direction: "top" });
      marker.on("add", function () { tag(marker, p, kind); });
      tag(marker, p, kind);
      if (kind === "runner-up" && p.form) {
        marker.on("click", function () {
          /* The button carries the place (name="place_id"), so the form is sent by clicking it. */
          var button = document.querySelector("#" + CSS.escape(p.form) + " [type=submit]");
          if (button) button.click();
        });
      }
      latlngs.push([p.lat, p.lon]);
    });
    if (latlngs.length === 1) map.setView(latlngs[0], Number(box.dataset.zoom) || 11);
    else map.fitBounds(latlngs, { padding: [24, 24], maxZoom: 12 });
    box.dataset.mapReady = "1";
  }

  /* The marker's SVG path carries its kind and place, for styles and for tests. */
  function tag(marker, p, kind) {
    var node = marker.getElement && marker.getElement();
    if (!node) return;
    node.setAttribute("data-kind", kind);
    if (p.place_id) node.setAttribute("data-place", String(p.place_id));
  }

  /* A review page holds up to 500 rows: each map is drawn (and its tiles fetched) once it is in view. */
  var boxes = document.querySelectorAll(".mini-map");
  if (!("IntersectionObserver" in window)) {
    boxes.forEach(draw);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: "200px" });
  boxes.forEach(function (box) { observer.observe(box); });
})();
