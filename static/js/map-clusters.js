/* Cluster icons that show the mix: a donut whose arcs are the event types' shares, coloured from the
 * type palette (incident_map.js), sized by the count, with the count in its hole.  Built with DOM and
 * SVG APIs (colours as SVG attributes), so the Content-Security-Policy's style rules hold.
 * Loaded after incident_map.js, whose IncidentMap it extends with clusterIcon(). */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  /* The icon's diameter in pixels: it grows with the count's order of magnitude. */
  function diameter(total) {
    return Math.round(30 + 8 * Math.min(Math.log10(Math.max(total, 1)), 4));
  }

  function shortCount(total) {
    return total >= 10000 ? Math.round(total / 1000) + "k" : String(total);
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* One arc of the ring, from fraction a to fraction b of the turn (clockwise from the top). */
  function arc(radius, width, a, b, colour) {
    if (b - a >= 0.9999) {
      return svg("circle", { cx: 0, cy: 0, r: radius, fill: "none", stroke: colour, "stroke-width": width });
    }
    function point(f) {
      var angle = 2 * Math.PI * f - Math.PI / 2;
      return (radius * Math.cos(angle)).toFixed(2) + " " + (radius * Math.sin(angle)).toFixed(2);
    }
    var large = b - a > 0.5 ? 1 : 0;
    return svg("path", {
      d: "M " + point(a) + " A " + radius + " " + radius + " 0 " + large + " 1 " + point(b),
      fill: "none", stroke: colour, "stroke-width": width
    });
  }

  /* The ring of arcs for slices [{colour, count}], with a white hole for the count. */
  function ring(slices, size) {
    var width = Math.max(6, size * 0.22);
    var radius = size / 2 - width / 2 - 1;
    var root = svg("svg", { width: size, height: size, viewBox: [-size / 2, -size / 2, size, size].join(" "), "aria-hidden": "true" });
    root.appendChild(svg("circle", { cx: 0, cy: 0, r: size / 2 - 0.5, fill: "#fff", "fill-opacity": 0.9 }));
    var sum = slices.reduce(function (n, s) { return n + s.count; }, 0) || 1;
    var at = 0;
    slices.forEach(function (s) {
      var end = at + s.count / sum;
      root.appendChild(arc(radius, width, at, end, s.colour));
      at = end;
    });
    return root;
  }

  /* A Leaflet divIcon for a cluster of `total` incidents made of `slices` ([{colour, count, label}]);
     `hint` (the catalogue's `cluster` string) ends its accessible name, which lists the types. */
  window.IncidentMap.clusterIcon = function (slices, total, hint) {
    var size = diameter(total);
    var icon = L.divIcon({ className: "incident-cluster", iconSize: [size, size], html: "" });
    icon.createIcon = function (old) {
      var node = L.DivIcon.prototype.createIcon.call(this, old);
      node.textContent = "";
      node.appendChild(ring(slices, size));
      node.appendChild(document.createElement("span")).textContent = shortCount(total);
      var mix = slices.map(function (s) { return s.label + ": " + s.count; }).join(", ");
      node.setAttribute("title", mix);
      node.setAttribute("aria-label", total + " " + hint + " (" + mix + ")");
      return node;
    };
    return icon;
  };
})();
