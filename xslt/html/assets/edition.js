// teikit web edition: small enhancements; every page works without this file.
(function () {
  "use strict";

  // The switch between the edited text and the source readings: a toggle button, whose name stays
  // the same and whose state is aria-pressed (a label that changed too would say the state twice).
  // The choice is kept for the reader's next page and visit (where storage is allowed).
  var VIEW = "teikit-view";
  function viewSwitch() {
    var button = document.querySelector("button.view-toggle");
    if (!button) return;
    button.hidden = false;
    function show(source) {
      document.body.classList.toggle("view-source", source);
      button.setAttribute("aria-pressed", source ? "true" : "false");
    }
    try { show(localStorage.getItem(VIEW) === "source"); } catch (e) { /* storage refused: edited text */ }
    button.addEventListener("click", function () {
      var source = !document.body.classList.contains("view-source");
      show(source);
      try { localStorage.setItem(VIEW, source ? "source" : "edited"); } catch (e) { /* kept for this page only */ }
    });
  }

  // Place an absolutely positioned box just below its anchor, inside the window. The box follows its
  // anchor in the document (so that Tab goes from the anchor into the box and on into the text), and
  // its containing block may be anywhere: measure it rather than assume the page.
  function place(box, anchor) {
    anchor.after(box);
    box.hidden = false;
    box.style.top = box.style.left = "0px";
    var origin = box.getBoundingClientRect(), r = anchor.getBoundingClientRect();
    var width = box.getBoundingClientRect().width;
    var left = Math.max(8, Math.min(r.left - 40, document.documentElement.clientWidth - width - 8));
    box.style.top = (r.bottom + 6 - origin.top) + "px";
    box.style.left = (left - origin.left) + "px";
  }

  // Witnesses of a critical apparatus shown in place of the lemma.
  function witnesses() {
    var select = document.querySelector("select.witness-select");
    if (!select) return;
    select.closest("label").hidden = false;
    select.addEventListener("change", function () {
      var wit = select.value;
      document.querySelectorAll(".app-entry").forEach(function (entry) {
        // the entry's own readings: an entry nested in a reading decides for itself
        var readings = Array.prototype.filter.call(entry.querySelectorAll(".reading, .source"), function (r) {
          return r.parentElement.closest(".app-entry") === entry;
        });
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

  // A note marker opens its note beside the text; Escape, the close button, a click or focus elsewhere
  // closes it.
  function notes() {
    var open = null;
    function close(refocus) {
      if (!open) return false;
      var marker = open.marker;
      open.popup.remove(); marker.setAttribute("aria-expanded", "false"); open = null;
      if (refocus) marker.focus();
      return true;
    }
    document.querySelectorAll("a.note-ref").forEach(function (marker) {
      marker.setAttribute("aria-expanded", "false");
      marker.addEventListener("click", function (event) {
        var note = document.getElementById(marker.getAttribute("data-note"));
        if (!note) return;
        event.preventDefault();
        var wasOpen = open && open.marker === marker;
        close(false);
        if (wasOpen) { marker.focus(); return; }
        var popup = document.createElement("div");
        popup.className = "note-popup";
        popup.setAttribute("role", "dialog");
        popup.setAttribute("aria-label", marker.getAttribute("aria-label"));
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("aria-label", "Close the note");
        button.textContent = "×";
        button.addEventListener("click", function () { close(true); });
        popup.appendChild(button);
        var body = note.querySelector(".note-body").cloneNode(true);
        // the copy must not repeat the ids of the note (its apparatus anchors live in the notes list)
        body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
        popup.appendChild(body);
        var link = document.createElement("a");
        link.href = "#" + note.id;
        link.textContent = "In the notes";
        // once followed, the note is read in the list (the popup would stay open above the text); closed
        // after the click, since a link taken out of the page is not followed
        link.addEventListener("click", function () { setTimeout(function () { close(false); }, 0); });
        popup.appendChild(link);
        place(popup, marker);
        marker.setAttribute("aria-expanded", "true");
        open = { popup: popup, marker: marker };
        button.focus({ preventScroll: true });
        // a long note on a small screen: bring as much of it into view as fits
        var r = popup.getBoundingClientRect();
        if (r.bottom > window.innerHeight) window.scrollBy(0, Math.min(r.bottom - window.innerHeight + 8, r.top - 8));
      });
    });
    document.addEventListener("click", function (event) {
      if (open && !open.popup.contains(event.target) && !open.marker.contains(event.target)) close(false);
    });
    // focus gone elsewhere (Tab past its last link, Shift+Tab past its marker) closes it; focus within
    // it or on its marker does not, nor leaving the window
    document.addEventListener("focusin", function (event) {
      if (open && !open.popup.contains(event.target) && !open.marker.contains(event.target)) close(false);
    });
    return { close: close };
  }

  // Register cards: shown while a name (in the text or in an open note) is hovered or focused. The
  // pointer may move onto the card and Tab into it, so that its authority links can be followed;
  // Escape closes it.
  function cards() {
    var open = null, timer = null, dismissed = null;
    function hide() {
      clearTimeout(timer);
      if (open) { open.card.hidden = true; open = null; }
    }
    function hideSoon() { clearTimeout(timer); timer = setTimeout(hide, 300); }
    function within(node) { return !!(open && node && (open.link.contains(node) || open.card.contains(node))); }
    function nameOf(node) { return node && node.closest ? node.closest("a[data-entry]") : null; }
    function show(link) {
      var card = document.getElementById("card-" + link.getAttribute("data-entry"));
      clearTimeout(timer);
      if (!card || (open && open.link === link)) return;
      hide();
      place(card, link);
      open = { link: link, card: card };
    }
    document.addEventListener("mouseover", function (e) {
      var link = nameOf(e.target);
      if (link) show(link); else if (within(e.target)) clearTimeout(timer);
    });
    document.addEventListener("mouseout", function (e) { if (within(e.target) && !within(e.relatedTarget)) hideSoon(); });
    document.addEventListener("focusin", function (e) {
      var link = nameOf(e.target);
      if (link && link === dismissed) { dismissed = null; return; }  // focus given back by Escape
      if (link) show(link); else if (within(e.target)) clearTimeout(timer); else hide();
    });
    document.addEventListener("focusout", function (e) { if (open && !within(e.relatedTarget)) hideSoon(); });
    return {
      close: function () {
        if (!open) return false;
        var link = open.link, inside = open.card.contains(document.activeElement);
        hide();
        if (inside) { dismissed = link; link.focus(); }
        return true;
      }
    };
  }

  // The index spells out œ and æ (search.py: fold): a query is folded the same way, and a result shows
  // the words of its record that the index folded as they are printed.
  var LIGATURES = { "œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae" };
  function fold(text) { return text.replace(/[œŒæÆ]/g, function (c) { return LIGATURES[c]; }); }
  // The index has a space and a word joiner after a dash or apostrophe that joins two words (search.py:
  // words_apart), so that each word is found: a query is split the same way, and an excerpt shows them
  // joined again.
  var DASHES = "\u2010-\u2015\u2E3A\u2E3B\uFE58\uFE63\uFF0D";
  var W = "[\\p{L}\\p{N}_]";  // a letter as Python's \w reads it
  var JOINED = new RegExp("(?<=\\S)([" + DASHES + "]+)(?=\\S)|(?<=" + W + ")([\u2019\u02BC])(?=" + W + W + ")", "gu");
  // an elided article or pronoun (l’, d’, qu’) alone would find every word that begins with its letters
  var ELIDED = new RegExp("(?<!" + W + ")" + W + "{1,3}['\u2019\u02BC](?=" + W + W + ")", "gu");
  function asIndexed(text) { return fold(text).replace(ELIDED, "").replace(JOINED, "$1$2 "); }
  function escaped(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  // the records' metadata is in base64, so that no query finds a record by it (search.py: write_index)
  function decoded(base64) {
    return new TextDecoder().decode(Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); }));
  }
  // A block's record ends with the forms of the names it mentions that it does not print, after a
  // separator (search.py: with_name_forms, NAMES_APART): which of them, if any, found it?
  var NAMES_APART = "\u2063";
  function nameFound(result) {
    var names = JSON.parse(result.meta.names), locations = result.locations || [];
    var from = result.content.trim().split(/\s+/).indexOf(NAMES_APART), at = from + 1, found = null;
    names.forEach(function (name) {
      if (!found && locations.some(function (l) { return l >= at && l < at + name.words; })) found = name;
      at += name.words;
    });
    return { name: found, only: found !== null && !locations.some(function (l) { return l < from; }) };
  }
  function asPrinted(result) {
    ["title", "text", "ligatures", "names"].forEach(function (key) {
      if (result.meta[key] !== undefined) result.meta[key] = decoded(result.meta[key]);
    });
    if (result.meta.names !== undefined) {
      var found = nameFound(result);
      delete result.meta.names;  // not a tag to show
      result.excerpt = result.excerpt.replace(new RegExp("\\s*" + NAMES_APART + "[\\s\\S]*$"), "");
      // the tag says why the result was found
      if (found.name) result.meta["printed as"] = found.name.printed.join("; ");
      if (found.only) {
        // the words found are not the block's: show the block's own words, the name marked as printed
        var excerpt = escaped(found.name.passage);
        found.name.printed.forEach(function (form) {
          var quoted = escaped(form).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          excerpt = excerpt.replace(new RegExp("(^|[^\\p{L}])(" + quoted + ")(?![\\p{L}])", "gu"), "$1<mark>$2</mark>");
        });
        result.excerpt = excerpt;
        return result;
      }
    }
    result.excerpt = result.excerpt.replace(/ ?(<mark>)?\u2060/g, "$1");  // the word found is marked
    var words = (result.meta.ligatures || "").split(" ").filter(Boolean);
    delete result.meta.ligatures;  // not a tag to show
    words.forEach(function (word) {
      var folded = new RegExp("(^|[^\\p{L}])" + fold(word) + "(?![\\p{L}])", "gu");
      result.excerpt = result.excerpt.replace(folded, "$1" + word);
    });
    return result;
  }

  // The search page: Pagefind's interface, with filters by text and author. The query is kept in the
  // address (search.html?q=…), so that a search can be linked and Back returns to its results.
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
    var ui = new PagefindUI({ element: el, showSubResults: false, showImages: false, resetStyles: false,
                              processTerm: asIndexed, processResult: asPrinted });
    // Pagefind's field has only a placeholder: give it an accessible name.
    var input = el.querySelector("input[type=text], input[type=search]");
    if (!input) return;
    if (!input.getAttribute("aria-label")) input.setAttribute("aria-label", "Search the edition");
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
    function keep() {
      var params = new URLSearchParams(location.search);
      if (input.value.trim()) params.set("q", input.value); else params.delete("q");
      var rest = params.toString();
      history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    }
    input.addEventListener("input", keep);
    el.addEventListener("click", function (event) {  // Pagefind's Clear button empties the field silently
      if (event.target.closest(".pagefind-ui__search-clear")) setTimeout(keep, 0);
    });
  }

  // Without a configured base URL the citation shows a relative link: give the page's own address;
  // and the downloads theirs, for paper (print.css).
  function citation() {
    if (!/^https?:$/.test(location.protocol)) return;
    document.querySelectorAll("a.cite-url").forEach(function (a) {
      if (!/^https?:/.test(a.getAttribute("href"))) a.textContent = a.href;
    });
    document.querySelectorAll("a.download:not([data-address])").forEach(function (a) {
      a.setAttribute("data-address", a.href);
    });
  }

  // On paper, the editors' notes are open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
  });

  document.addEventListener("DOMContentLoaded", function () {
    viewSwitch(); witnesses(); search(); citation();
    var popups = notes(), names = cards();
    // Escape closes the innermost thing open: a card, else a note
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !names.close()) popups.close(true);
    });
  });
})();
