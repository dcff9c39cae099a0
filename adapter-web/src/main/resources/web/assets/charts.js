// The analytics page's charts. Each is drawn from the table beside it, which stays the page's truth (and all there
// is without JavaScript): a <div class="chart" data-chart="bar|doughnut" data-for="TABLE-ID"> gets a canvas built
// from the table's rows, a row's label from its <th scope="row"> and its figure from the cell's data-value. The
// chart is hidden from screen readers (aria-hidden on its box): they read the table.
"use strict";

(function () {
  if (typeof window.Chart !== "function") return;

  const reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const style = getComputedStyle(document.documentElement);
  const colour = (name, fallback) => (style.getPropertyValue(name) || fallback).trim();
  const palette = [
    colour("--accent", "#1d4ed8"), colour("--good", "#166534"), colour("--hold", "#92400e"),
    colour("--bad", "#b91c1c"), "#7c3aed", "#0e7490", "#be185d", "#4d7c0f"
  ];

  function rowsOf(table) {
    return Array.from(table.querySelectorAll("tbody tr")).map((row) => {
      const label = row.querySelector("th[scope='row']");
      const cell = row.querySelector("td[data-value]");
      return {
        label: label ? label.textContent.trim() : "",
        value: cell ? Number(cell.getAttribute("data-value")) : 0,
        shown: cell ? cell.textContent.trim() : ""
      };
    }).filter((row) => Number.isFinite(row.value));
  }

  function draw(box) {
    const table = document.getElementById(box.getAttribute("data-for"));
    if (!table) return;
    const rows = rowsOf(table);
    if (rows.length === 0) return;
    const kind = box.getAttribute("data-chart") === "doughnut" ? "doughnut" : "bar";
    const counts = rows.every((row) => Number.isInteger(row.value));
    const canvas = document.createElement("canvas");
    box.appendChild(canvas);
    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: rows.map((row) => row.label),
        datasets: [{
          data: rows.map((row) => row.value),
          backgroundColor: kind === "doughnut" ? rows.map((_, i) => palette[i % palette.length]) : palette[0],
          borderWidth: kind === "doughnut" ? 1 : 0,
          maxBarThickness: 40
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 400 },
        indexAxis: kind === "bar" ? "y" : undefined,
        plugins: {
          legend: { display: kind === "doughnut", position: "bottom" },
          // the tooltip shows each figure as the table writes it: in the page's language and currency
          tooltip: { callbacks: { label: (item) => rows[item.dataIndex].shown } }
        },
        // a count has no tenths: its axis steps in whole numbers
        scales: kind === "bar" ? { x: { beginAtZero: true, ticks: counts ? { precision: 0 } : {} } } : {}
      }
    });
  }

  function drawAll() {
    document.querySelectorAll(".chart[data-chart][data-for]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
