// teikit web edition: small enhancements; every page works without this file.
(function () {
  "use strict";

  // The switch between the edited text and the source readings.
  function viewSwitch() {
    var button = document.querySelector("button.view-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.body.classList.toggle("view-source");
      button.setAttribute("aria-pressed", source ? "true" : "false");
      button.textContent = source ? "Show the edited text" : "Show the source readings";
    });
  }

  // Witnesses of a critical apparatus shown in place of the lemma.
  function witnesses() {
    var select = document.querySelector("select.witness-select");
    if (!select) return;
    select.closest("label").hidden = false;
    select.addEventListener("change", function () {
      var wit = select.value;
      document.querySelectorAll(".app-entry").forEach(function (entry) {
        var readings = entry.querySelectorAll(".reading, .source");
        var shown = null;
        readings.forEach(function (r) {
          var wits = (r.getAttribute("data-wit") || "").split(/\s+/);
          if (wit && wits.indexOf(wit) >= 0) shown = r;
        });
        readings.forEach(function (r) {
          var isReading = r.classList.contains("reading");
          r.hidden = wit ? r !== shown && !(shown === null && isReading) : !isReading;
        });
      });
    });
  }

  // A note marker opens its note beside the text; Escape or the close button closes it.
  function notes() {
    var open = null;
    function close() {
      if (open) { open.popup.remove(); open.marker.setAttribute("aria-expanded", "false"); open.marker.focus(); open = null; }
    }
    document.querySelectorAll("a.note-ref").forEach(function (marker) {
      marker.setAttribute("aria-expanded", "false");
      marker.addEventListener("click", function (event) {
        var note = document.getElementById(marker.getAttribute("data-note"));
        if (!note) return;
        event.preventDefault();
        var wasOpen = open && open.marker === marker;
        close();
        if (wasOpen) return;
        var popup = document.createElement("div");
        popup.className = "note-popup";
        popup.setAttribute("role", "dialog");
        popup.setAttribute("aria-label", marker.getAttribute("aria-label"));
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("aria-label", "Close the note");
        button.textContent = "×";
        button.addEventListener("click", close);
        popup.appendChild(button);
        var body = note.querySelector(".note-body").cloneNode(true);
        // the copy must not repeat the ids of the note (its apparatus anchors live in the notes list)
        body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
        popup.appendChild(body);
        var link = document.createElement("a");
        link.href = "#" + note.id;
        link.textContent = "In the notes";
        popup.appendChild(link);
        var r = marker.getBoundingClientRect();
        popup.style.top = (window.scrollY + r.bottom + 6) + "px";
        document.body.appendChild(popup);
        var width = popup.getBoundingClientRect().width;
        popup.style.left = Math.max(8, Math.min(window.scrollX + r.left - 40,
                                                window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
        marker.setAttribute("aria-expanded", "true");
        open = { popup: popup, marker: marker };
        button.focus();
      });
    });
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
  }

  // Register cards: shown while a name is hovered or focused.
  function cards() {
    document.querySelectorAll("a[data-entry]").forEach(function (link) {
      var card = document.getElementById("card-" + link.getAttribute("data-entry"));
      if (!card) return;
      function show() {
        var r = link.getBoundingClientRect();
        card.style.top = (window.scrollY + r.bottom + 4) + "px";
        card.hidden = false;
        var width = card.getBoundingClientRect().width;
        card.style.left = Math.max(8, Math.min(window.scrollX + r.left,
                                               window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
      }
      function hide() { card.hidden = true; }
      link.addEventListener("mouseenter", show);
      link.addEventListener("focus", show);
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
    });
  }

  // The search page: Pagefind's interface, with filters by text and author.
  function search() {
    var el = document.querySelector("[data-search]");
    if (!el) return;
    if (typeof PagefindUI === "undefined") {
      // Say so rather than leave an empty page (the index or its script did not load).
      var p = document.createElement("p");
      p.className = "search-error";
      p.setAttribute("role", "alert");
      p.textContent = "The search index could not be loaded. The texts and the registers are linked from the home page.";
      el.appendChild(p);
      console.error("teikit: PagefindUI is not defined; was pagefind/pagefind-ui.js served?");
      return;
    }
    new PagefindUI({ element: el, showSubResults: false, showImages: false, resetStyles: false });
    // Pagefind's field has only a placeholder: give it an accessible name.
    var input = el.querySelector("input[type=text], input[type=search]");
    if (input && !input.getAttribute("aria-label")) input.setAttribute("aria-label", "Search the edition");
  }

  // Without a configured base URL the citation shows a relative link: give the page's own address.
  function citation() {
    document.querySelectorAll("a.cite-url").forEach(function (a) {
      if (/^https?:/.test(a.getAttribute("href")) || !/^https?:$/.test(location.protocol)) return;
      a.textContent = a.href;
    });
  }

  // On paper, the editors' notes are open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  });

  document.addEventListener("DOMContentLoaded", function () {
    viewSwitch(); witnesses(); notes(); cards(); search(); citation();
  });
})();
