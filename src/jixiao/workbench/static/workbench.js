// jixiao review workbench: keyboard shortcuts, auto-submitting filters, and figures picked by selecting text.
// Plain script, no build step; every value it reads comes from data- attributes, never from HTML strings.
(function () {
  "use strict";
  var page = document.body.dataset.page;

  function typing(event) {
    var tag = event.target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.target.isContentEditable;
  }

  function queue() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tr.row"));
    var current = rows.length ? 0 : -1;
    function mark(index) {
      rows.forEach(function (row) { row.classList.remove("current"); });
      if (index >= 0 && rows[index]) { rows[index].classList.add("current"); rows[index].scrollIntoView({ block: "nearest" }); }
      current = index;
    }
    mark(current);
    rows.forEach(function (row, index) {
      row.addEventListener("click", function (event) {
        if (event.target.tagName !== "A") { window.location.href = row.dataset.href; }
        mark(index);
      });
    });
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === "j") { mark(Math.min(current + 1, rows.length - 1)); }
      else if (event.key === "k") { mark(Math.max(current - 1, 0)); }
      else if ((event.key === "Enter" || event.key === "o") && rows[current]) { window.location.href = rows[current].dataset.href; }
    });
  }

  // The offset of a point in the document text: each piece of #doc carries data-at, its first offset.
  function offsetOf(node, offset) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!element || !element.closest("#doc") || element.dataset.at === undefined) { return null; }
    return parseInt(element.dataset.at, 10) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  }

  function pickSelection() {
    var selection = window.getSelection();
    var button = document.getElementById("add");
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !button) { return; }
    var range = selection.getRangeAt(0);
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) { return; }
    document.getElementById("add-start").value = start;
    document.getElementById("add-end").value = end;
    document.getElementById("selection-text").textContent = selection.toString();
    button.disabled = false;
  }

  function item() {
    document.addEventListener("selectionchange", pickSelection);
    var flagged = document.querySelector("#doc mark.flagged") || document.querySelector("#doc .sent");
    if (flagged) { flagged.scrollIntoView({ block: "center" }); }
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var link;
      if (event.key === "n") { link = document.getElementById("next-link"); }
      else if (event.key === "p") { link = document.getElementById("previous-link"); }
      else if (event.key === "u") { link = document.getElementById("back-link"); }
      if (link) { window.location.href = link.getAttribute("href"); return; }
      if (event.key === "c") { document.getElementById("confirm-form").submit(); }
      else if (event.key === "d") { event.preventDefault(); var first = document.querySelector("#dismiss-form input[type=radio]"); if (first) { first.focus(); } }
      else if (event.key === "e") {
        event.preventDefault();
        var details = document.querySelector("#figures tr.named details") || document.querySelector("#figures details");
        if (details) { details.open = true; var input = details.querySelector("input[name=text]"); if (input) { input.focus(); } }
      }
    });
  }

  if (page === "queue") { queue(); }
  if (page === "item") { item(); }
  document.body.dataset.ready = "true";  // the handlers are on: a test (or a user's script) may act now
})();
