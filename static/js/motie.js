// The motion page's preview follows the form as it is typed. Without JavaScript the form still
// works: "Voorbeeld bijwerken" reloads the page, and the download buttons submit the form.
(function () {
  "use strict";

  var form = document.getElementById("motie-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) { return; }
  var paper = document.getElementById("motie-voorbeeld");
  var status = document.getElementById("voorbeeld-status");
  var refresh = form.querySelector("[data-refresh]");
  var pageUrl = form.getAttribute("action");
  var previewUrl = form.getAttribute("data-preview");
  var timer = null;
  var latest = 0;

  function query() {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") { fields.append(name, value); }  // a shorter address to share
    });
    return fields.toString();
  }

  function update() {
    var number = ++latest;
    var fields = query();
    fetch(previewUrl + "?" + fields, { headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.text().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (number !== latest) { return; }  // an answer to an older state of the form
        if (result.ok) {
          paper.innerHTML = result.body;  // rendered by the server's autoescaped template
          status.textContent = "";
          // A reload, or a copied address, shows the same motion.
          window.history.replaceState(null, "", pageUrl + "?" + fields);
        } else {
          status.textContent = result.body;
        }
      })
      .catch(function () {
        if (number !== latest) { return; }
        status.textContent = "Het voorbeeld kon niet worden bijgewerkt. De downloads bevatten wel wat u hebt ingevuld.";
      });
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 250);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  // Enter in a field, or the refresh button: update the preview here instead of reloading.
  form.addEventListener("submit", function (event) {
    if (!event.submitter || event.submitter === refresh) {
      event.preventDefault();
      window.clearTimeout(timer);
      update();
    }
  });
  if (refresh) { refresh.hidden = true; }
})();
