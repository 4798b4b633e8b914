// Search without a server: progressive enhancement of the search page. Without this script
// the page already lists every page of the site.
(function () {
  "use strict";
  var form = document.querySelector(".qa-search");
  if (!form || !window.fetch) { return; }
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var original = list.innerHTML;
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (pages) {
    function run() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) { list.innerHTML = original; status.textContent = ""; return; }
      var hits = pages.filter(function (p) {
        var text = (p.t + " " + p.x).toLowerCase();
        return words.every(function (w) { return text.indexOf(w) !== -1; });
      });
      list.textContent = "";
      hits.forEach(function (p) {
        var li = document.createElement("li");
        li.className = "qa-item";
        var a = document.createElement("a");
        a.href = p.u;
        a.textContent = p.t;
        li.appendChild(a);
        list.appendChild(li);
      });
      status.textContent = hits.length + (hits.length === 1 ? " page matches" : " pages match");
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { input.value = params.get("q"); }
    input.addEventListener("input", run);
    run();
  });
}());
