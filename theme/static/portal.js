/* rt.infodoc: the public portal's behaviour (progressive enhancement, no framework).
 * Basket kept in the "rt_panier" cookie (UIDs joined by "."), search-box suggestions
 * (ARIA 1.2 combobox), permalink copy, print button. Every feature works without it. */
(function () {
  "use strict";
  var COOKIE = "rt_panier";
  var MAX_ITEMS = 100;

  function live(message) {
    var region = document.getElementById("rt-live");
    if (!region) {
      region = document.createElement("div");
      region.id = "rt-live";
      region.className = "visually-hidden";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  /* ------------------------------------------------------------- basket */
  function readBasket() {
    var match = document.cookie.match(/(?:^|;\s*)rt_panier=([^;]*)/);
    if (!match) { return []; }
    return decodeURIComponent(match[1]).replace(/"/g, "").split(".").filter(function (uid) {
      return /^[0-9a-f]{32}$/.test(uid);
    });
  }

  function writeBasket(uids) {
    uids = uids.slice(-MAX_ITEMS);
    document.cookie = COOKIE + "=" + uids.join(".") + "; path=/; max-age=31536000; SameSite=Lax";
    try { window.localStorage.setItem(COOKIE, JSON.stringify(uids)); } catch (e) { /* private mode */ }
    refreshBasket();
  }

  function plural(count) {
    return count + " référence" + (count > 1 ? "s" : "");
  }

  function refreshBasket() {
    var uids = readBasket();
    document.querySelectorAll(".rt-basket-count").forEach(function (node) {
      node.textContent = String(uids.length);
    });
    document.querySelectorAll("button.rt-basket-toggle").forEach(function (button) {
      var inBasket = uids.indexOf(button.getAttribute("data-uid")) !== -1;
      var hidden = button.querySelector(".visually-hidden");
      button.setAttribute("aria-pressed", inBasket ? "true" : "false");
      button.firstChild.nodeValue = inBasket ? "Dans le panier" : "Ajouter au panier";
      button.classList.toggle("rt-in-basket", inBasket);
      if (hidden) { button.appendChild(hidden); }
    });
  }

  function initBasket() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList || !form.classList.contains("rt-basket-form")) { return; }
      var action = form.querySelector("[name=basket_action]");
      if (!action || action.value !== "add") { return; }
      event.preventDefault();
      var uid = form.querySelector("[name=uid]").value;
      var uids = readBasket();
      var position = uids.indexOf(uid);
      if (position === -1) {
        uids.push(uid);
        writeBasket(uids);
        live("Ajouté au panier. Votre panier contient " + plural(uids.length) + ".");
      } else {
        uids.splice(position, 1);
        writeBasket(uids);
        live("Retiré du panier. Votre panier contient " + plural(uids.length) + ".");
      }
    });
    refreshBasket();
  }

  /* ------------------------------------------------------------- suggestions */
  function initSuggest(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url) { return; }
    var prefix = input.id || "rt-q";
    var listbox = document.createElement("ul");
    listbox.id = prefix + "-suggestions";
    listbox.className = "rt-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", "Suggestions");
    listbox.hidden = true;
    input.parentNode.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    var active = -1;
    var timer = null;
    var lastQuery = "";

    function options() { return listbox.querySelectorAll("[role=option]"); }

    function close() {
      listbox.hidden = true;
      listbox.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var all = options();
      if (!all.length) { return; }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
    }

    function choose(text) {
      input.value = text;
      close();
      if (input.form) { input.form.submit(); }
    }

    function show(titles) {
      listbox.innerHTML = "";
      active = -1;
      if (!titles.length) { close(); return; }
      titles.forEach(function (title, i) {
        var option = document.createElement("li");
        option.id = prefix + "-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(title);
        });
        listbox.appendChild(option);
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      live(plural(titles.length).replace("référence", "suggestion") + " disponible" +
           (titles.length > 1 ? "s" : "") + ".");
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) { close(); return; }
      if (text === lastQuery) { return; }
      lastQuery = text;
      fetch(url + "?q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"},
                                                       credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
        .then(function (data) {
          if (input.value.trim() === text) { show(data.suggestions || []); }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      lastQuery = lastQuery === input.value.trim() ? "" : lastQuery;
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (listbox.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options()[active].textContent);
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  /* ------------------------------------------------------------- phone */
  function initFilterToggle() {
    // /recherche: the facets come before the results; on a narrow screen they
    // fold behind "Filtrer" (aria-expanded), so the results come first to the eye.
    var button = document.querySelector("button.rt-filter-toggle");
    var panel = document.getElementById("rt-facets");
    if (!button || !panel || !window.matchMedia) { return; }
    var narrow = window.matchMedia("(max-width: 900px)");
    function fold(folded) {
      panel.classList.toggle("rt-folded", folded);
      button.setAttribute("aria-expanded", folded ? "false" : "true");
    }
    function follow() {
      button.hidden = !narrow.matches;
      fold(narrow.matches);
    }
    button.addEventListener("click", function () {
      var opening = panel.classList.contains("rt-folded");
      fold(!opening);
      if (opening) {
        var first = panel.querySelector("a, summary");
        if (first) { first.focus(); }
      }
    });
    if (narrow.addEventListener) { narrow.addEventListener("change", follow); }
    follow();
  }

  function initTableLabels() {
    // Tables reflow on a phone (theme/scss/_phone.scss): each cell is shown with
    // its column's heading, copied here from the table's <th>.
    document.querySelectorAll("#content table").forEach(function (table) {
      var heads = table.querySelectorAll("thead th");
      if (!heads.length) { return; }
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          var head = heads[i];
          if (head && !cell.hasAttribute("data-label") && head.textContent.trim()) {
            cell.setAttribute("data-label", head.textContent.trim());
          }
        });
      });
    });
  }

  /* ------------------------------------------------------------- small tools */
  function initCopy() {
    document.querySelectorAll("button.rt-copy").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-target"));
      if (!field) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        field.select();
        var done = function () { live("Lien permanent copié dans le presse-papiers."); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(done, function () {
            document.execCommand("copy"); done();
          });
        } else {
          document.execCommand("copy");
          done();
        }
      });
    });
    document.querySelectorAll("button.rt-print").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function initSkipLinks() {
    // The skip links already come first (profiles/default/viewlets.xml); the
    // target must take the focus when a link is followed.
    var content = document.getElementById("content");
    if (content && !content.hasAttribute("tabindex")) { content.setAttribute("tabindex", "-1"); }
  }

  /* ------------------------------------------------------------- import progress */
  function initImportProgress() {
    // @@import-marc: follow the background import (JSON polled every second),
    // then reload the page, which shows the report.
    var box = document.querySelector("[data-import-progress]");
    if (!box || !window.fetch) { return; }
    var url = box.getAttribute("data-import-progress");
    var bar = document.getElementById("import-barre");
    var text = document.getElementById("import-texte");
    var status = document.querySelector("#import-job .import-status");
    var quarter = 0;  // screen readers hear each quarter done, not every second
    function poll() {
      window.fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (response) { return response.json(); })
        .then(function (job) {
          if (job.status !== "queued" && job.status !== "running") {
            window.location.replace(job.page_url);
            return;
          }
          if (job.total) {
            bar.max = job.total;
            bar.value = job.done;
          }
          if (text.textContent !== job.text) { text.textContent = job.text; }
          if (job.percent !== null && Math.floor(job.percent / 25) > quarter) {
            quarter = Math.floor(job.percent / 25);
            live(job.text);
          }
          if (status) { status.textContent = job.label; }
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  }

  function init() {
    initSkipLinks();
    initImportProgress();
    initBasket();
    document.querySelectorAll("input[data-suggest-url]").forEach(initSuggest);
    initFilterToggle();
    initTableLabels();
    initCopy();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
