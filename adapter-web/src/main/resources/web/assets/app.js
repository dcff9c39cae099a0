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
