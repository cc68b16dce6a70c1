/* The pin maps of the unresolved-names page: a small Leaflet map opens with its form, and a click
 * (or a typed latitude/longitude) puts the marker there and fills the form's lat/lon fields.
 * Plain DOM and Leaflet; the tile URL and attribution come from the page's data attributes. */
(function () {
  "use strict";

  function fixed(value) { return Number(value.toFixed(5)); }

  function open(details) {
    var box = details.querySelector(".pin-map");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var form = details.querySelector("form");
    var lat = form.elements.lat, lon = form.elements.lon;
    var map = L.map(box).setView([Number(box.dataset.lat), Number(box.dataset.lon)], Number(box.dataset.zoom));
    if (box.dataset.tiles) {
      L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution || "", maxZoom: 18 }).addTo(map);
    }
    var marker = null;
    function place(latlng) {
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
    }
    map.on("click", function (event) {
      place(event.latlng);
      lat.value = fixed(event.latlng.lat);
      lon.value = fixed(event.latlng.lng);
      box.dataset.pinned = "1";
    });
    function typed() {
      if (lat.value !== "" && lon.value !== "" && isFinite(lat.value) && isFinite(lon.value)) {
        place([Number(lat.value), Number(lon.value)]);
      }
    }
    lat.addEventListener("change", typed);
    lon.addEventListener("change", typed);
    box.dataset.mapReady = "1";
  }

  document.querySelectorAll("details.pin").forEach(function (details) {
    details.addEventListener("toggle", function () { if (details.open) open(details); });
    if (details.open) open(details);
  });
})();
