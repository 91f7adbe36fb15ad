// "Select all" for a table of checkboxes: a checkbox with data-select-all="NAME" ticks or
// clears every checkbox named NAME in its form. Without JavaScript it stays hidden.
(function () {
  "use strict";

  function setup(master) {
    var form = master.form;
    var name = master.getAttribute("data-select-all");
    var boxes = Array.prototype.filter.call(form.elements, function (element) {
      return element.type === "checkbox" && element.name === name;
    });
    function reflect() {
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      master.checked = ticked > 0 && ticked === boxes.length;
      master.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    master.hidden = false;
    master.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = master.checked; });
      reflect();
    });
    boxes.forEach(function (box) { box.addEventListener("change", reflect); });
    reflect();
  }

  document.querySelectorAll("input[data-select-all]").forEach(setup);
})();
