// The web app's own script: small, no inline code anywhere (the Content-Security-Policy allows none).
"use strict";

/** Says a sentence to screen readers through the page's polite live region. */
function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  // a change after a tick is read even when the same sentence comes twice
  window.setTimeout(() => { region.textContent = text; }, 50);
}

/** Shows a toast for a few seconds and announces it. */
function toast(text) {
  let box = document.querySelector(".toasts");
  if (!box) {
    box = document.createElement("div");
    box.className = "toasts";
    document.body.appendChild(box);
  }
  const item = document.createElement("div");
  item.className = "toast";
  item.textContent = text;
  box.appendChild(item);
  announce(text);
  window.setTimeout(() => item.remove(), 6000);
}

// Forms may ask to be confirmed first: data-confirm="Are you sure?"
document.addEventListener("submit", (event) => {
  const message = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);

window.VoiceAppoint = { announce, toast };

// --- calendar ---
(function calendar() {
  const TOLD = ["appointment.created", "appointment.confirmed", "appointment.rescheduled",
    "appointment.cancelled", "appointment.completed", "appointment.no_show"];
  const REDRAWN = TOLD.concat(["appointment.held", "hold.expired"]);

  /** Reads a page of ours and gives back one of its elements, or null. */
  async function fetchPart(url, selector) {
    const response = await fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } });
    if (!response.ok) return null;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    return page.querySelector(selector);
  }

  // An appointment opens in a dialog over the calendar; without a script (or a dialog) its link is a page.
  const drawer = document.getElementById("drawer");
  let opener = null;
  if (drawer && typeof drawer.showModal === "function") {
    document.addEventListener("click", async (event) => {
      const link = event.target.closest && event.target.closest("a[data-drawer]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const part = await fetchPart(link.href, "#appointment");
      if (!part) { window.location.href = link.href; return; }
      opener = link;
      drawer.replaceChildren(document.importNode(part, true));
      const close = document.createElement("button");
      close.type = "button";
      close.className = "secondary small drawer-close";
      close.textContent = "×";
      close.setAttribute("aria-label", document.documentElement.lang === "es" ? "Cerrar" : "Close");
      close.addEventListener("click", () => drawer.close());
      drawer.prepend(close);
      drawer.setAttribute("aria-labelledby", "appointment-title");
      drawer.showModal();
      const heading = drawer.querySelector("h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
    drawer.addEventListener("click", (event) => {
      if (event.target.closest && event.target.closest("a[data-close]")) {
        event.preventDefault();
        drawer.close();
      }
    });
    // Escape closes a modal dialog by itself; focus goes back to the appointment that opened it
    drawer.addEventListener("close", () => {
      if (opener && document.contains(opener)) opener.focus();
      opener = null;
    });
  }

  // The calendar follows the business's events: a booking made meanwhile, by phone, on the web or by a colleague,
  // is drawn without a reload, shown in a toast and read out.
  const grid = document.querySelector("[data-live]");
  if (!grid || typeof EventSource !== "function") return;
  let redraw = null;
  function redrawSoon() {
    window.clearTimeout(redraw);
    redraw = window.setTimeout(async () => {
      const fresh = await fetchPart(window.location.href, "#calendar-grid");
      const current = document.getElementById("calendar-grid");
      if (!fresh || !current) return;
      // whoever was on a link of the diary stays on it
      const focused = current.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
      current.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
      const again = focused && current.querySelector("a[href=\"" + CSS.escape(focused) + "\"]");
      if (again) again.focus();
    }, 300);
  }
  let source = null;
  function listen() {
    source = new EventSource(grid.getAttribute("data-live"));
    REDRAWN.forEach((kind) => source.addEventListener(kind, (event) => {
      if (TOLD.includes(kind)) {
        try { toast(JSON.parse(event.data).text); } catch (e) { /* a line we cannot read is not news */ }
      }
      redrawSoon();
    }));
    source.addEventListener("stream.reload", redrawSoon);
    source.addEventListener("stream.ended", (event) => {
      // a closed or late stream is reopened by the browser from the last event it saw; a login that ended is not
      if (/session_ended|access_ended/.test(event.data)) source.close();
    });
  }
  listen();
  // the stream ends with the page; a page brought back from the browser's cache catches up and listens again
  window.addEventListener("pagehide", () => source.close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) { redrawSoon(); listen(); }
  });
})();
