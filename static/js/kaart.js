// Progressive enhancement of the server-rendered map: a tooltip on hover and keyboard focus,
// and zoom buttons. Without JavaScript the map still works: every gemeente is a link.
(function () {
  "use strict";

  function setup(frame) {
    var svg = frame.querySelector("svg");
    if (!svg) { return; }
    var full = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    var box = full.slice();

    // The tip shows what the link's own name already says, so screen readers skip it: as a
    // live region it would be read out a second time.
    var tip = document.createElement("div");
    tip.className = "map-tip";
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    frame.appendChild(tip);

    // The focused gemeente's outline, drawn last so no neighbour covers it.
    var ns = "http://www.w3.org/2000/svg";
    var ring = document.createElementNS(ns, "g");
    ring.setAttribute("class", "focus-ring");
    ring.setAttribute("aria-hidden", "true");
    ["halo", "line"].forEach(function (name) {
      var path = document.createElementNS(ns, "path");
      path.setAttribute("class", name);
      ring.appendChild(path);
    });
    function showRing(link) {
      var d = link ? link.querySelector("path").getAttribute("d") : null;
      if (d) {
        ring.querySelectorAll("path").forEach(function (path) { path.setAttribute("d", d); });
        svg.appendChild(ring);
      } else if (ring.parentNode) {
        ring.parentNode.removeChild(ring);
      }
    }

    function show(link, x, y) {
      tip.textContent = link.getAttribute("aria-label");
      tip.hidden = false;
      var area = frame.getBoundingClientRect();
      tip.style.left = Math.min(x - area.left + 12, area.width - tip.offsetWidth - 4) + "px";
      tip.style.top = (y - area.top + 12) + "px";
    }

    svg.addEventListener("mousemove", function (event) {
      var link = event.target.closest("a.gemeente");
      if (link) { show(link, event.clientX, event.clientY); } else { tip.hidden = true; }
    });
    svg.addEventListener("mouseleave", function () { tip.hidden = true; });
    svg.addEventListener("focusin", function (event) {
      var link = event.target.closest("a.gemeente");
      if (!link) { return; }
      var rect = link.getBoundingClientRect();
      show(link, rect.left + rect.width / 2, rect.top + rect.height / 2);
      showRing(link.matches(":focus-visible") ? link : null);
    });
    svg.addEventListener("focusout", function () { tip.hidden = true; showRing(null); });

    // Zoomed out, a swipe over the map scrolls the page; zoomed in, it pans the map.
    function apply() {
      svg.setAttribute("viewBox", box.join(" "));
      frame.classList.toggle("is-zoomed", box[2] < full[2]);
    }

    function zoom(factor) {
      var cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
      var w = Math.min(full[2], Math.max(full[2] / 8, box[2] * factor));
      var h = w * full[3] / full[2];
      box = [cx - w / 2, cy - h / 2, w, h];
      box[0] = Math.max(full[0], Math.min(box[0], full[0] + full[2] - w));
      box[1] = Math.max(full[1], Math.min(box[1], full[1] + full[3] - h));
      apply();
    }

    var controls = document.createElement("div");
    controls.className = "map-controls";
    [["+", "Inzoomen", function () { zoom(0.6); }],
     ["−", "Uitzoomen", function () { zoom(1 / 0.6); }],
     ["⟲", "Hele kaart", function () { box = full.slice(); apply(); }]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.setAttribute("aria-label", spec[1]);
      button.addEventListener("click", spec[2]);
      controls.appendChild(button);
    });
    // Above the map, not on it: nothing of the map (north-east Groningen) is covered.
    frame.insertBefore(controls, svg);

    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (box[2] >= full[2]) { return; }
      drag = { x: event.clientX, y: event.clientY, box: box.slice(), moved: false };
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var scale = drag.box[2] / svg.getBoundingClientRect().width;
      var dx = (event.clientX - drag.x) * scale, dy = (event.clientY - drag.y) * scale;
      if (Math.abs(dx) + Math.abs(dy) > 2) { drag.moved = true; }
      box = [drag.box[0] - dx, drag.box[1] - dy, drag.box[2], drag.box[3]];
      apply();
    });
    svg.addEventListener("click", function (event) {
      if (drag && drag.moved) { event.preventDefault(); }
      drag = null;
    }, true);
    window.addEventListener("pointerup", function () { setTimeout(function () { drag = null; }, 0); });
  }

  document.querySelectorAll("[data-kaart]").forEach(setup);
})();
