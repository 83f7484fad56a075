// Vigil workbench: clicking an incident or claim beside a document's text lights up its
// evidence spans in the text. Pages read the same without this file.
"use strict";
document.addEventListener("click", function (event) {
  var item = event.target.closest ? event.target.closest("[data-ref]") : null;
  if (!item) { return; }
  var ref = item.getAttribute("data-ref");
  var lit = document.querySelectorAll(".hl.active");
  for (var i = 0; i < lit.length; i++) { lit[i].classList.remove("active"); }
  var items = document.querySelectorAll("[data-ref].selected");
  for (var j = 0; j < items.length; j++) { items[j].classList.remove("selected"); }
  item.classList.add("selected");
  var spans = document.querySelectorAll(".hl[data-refs]");
  for (var k = 0; k < spans.length; k++) {
    var refs = spans[k].getAttribute("data-refs").split(" ");
    if (refs.indexOf(ref) >= 0) { spans[k].classList.add("active"); }
  }
});
