// multipolar dashboard: draws the triangle and the dyad series as SVG from the JSON the page carries,
// and loads a period's events on click. Text from articles is only ever set with textContent.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const SIGN_CLASS = { "1": "sign-plus", "-1": "sign-minus", "0": "sign-0", "null": "sign-insufficient" };

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function html(tag, text, parent, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function signed(x, digits) {
  if (x === null || x === undefined) return "";
  return (x >= 0 ? "+" : "") + Number(x).toFixed(digits);
}

function query(params) {
  return Object.entries(params).map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
}

function drawTriangle() {
  const svg = document.getElementById("triangle");
  const data = readJSON("triangle-data");
  if (!svg || !data || !data.period) return;
  const pos = {};
  const corners = [[200, 50], [60, 300], [340, 300]];
  data.actors.forEach((code, i) => { pos[code] = corners[i]; });
  for (const edge of data.period.edges) {
    const [x1, y1] = pos[edge.a];
    const [x2, y2] = pos[edge.b];
    const cls = SIGN_CLASS[String(edge.sign)];
    const href = "/dyad?" + query({ a: edge.a, b: edge.b, freq: data.freq, period: data.period.period });
    const group = el("g", { class: "edge-group " + cls, "data-edge": edge.key, "data-href": href }, svg);
    const width = 3 + Math.min(9, Math.abs(edge.estimate || 0) * 1.5);
    el("line", { class: "edge-hit", x1, y1, x2, y2 }, group);
    const line = el("line", { class: "edge " + cls, x1, y1, x2, y2, "stroke-width": width.toFixed(1) }, group);
    const title = el("title", {}, line);
    title.textContent = edge.key + ": " + edge.status + ", estimate " + signed(edge.estimate, 2) +
      " ± " + Number(edge.sd || 0).toFixed(2) + ", " + edge.events + " events in " + edge.documents + " documents";
    // the label sits beside the middle of the edge, away from the centre of the triangle
    const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
    const dx = mx - 200, dy = my - 217, len = Math.hypot(dx, dy) || 1;
    const label = el("text", { class: "edge-label", x: (mx + dx / len * 22).toFixed(1),
      y: (my + dy / len * 22 + 4).toFixed(1), "text-anchor": "middle" }, group);
    label.textContent = edge.sign_text === "insufficient evidence" ? "?" : edge.sign_text + " " + signed(edge.estimate, 1);
    group.addEventListener("click", () => { window.location.href = href; });
  }
  for (const code of data.actors) {
    const [x, y] = pos[code];
    const node = el("g", { class: "node" }, svg);
    el("circle", { cx: x, cy: y, r: 26 }, node);
    const text = el("text", { x, y: y + 5, "text-anchor": "middle" }, node);
    text.textContent = code;
  }
}

function eventItem(e, list) {
  const li = html("li", null, list);
  html("a", e.date + " · " + e.source_actor + " → " + e.target_actor + " · CAMEO " + e.cameo + " · " + signed(e.goldstein, 1),
    li, { href: "/events/" + encodeURIComponent(e.event_id), class: "event-link" });
  html("blockquote", e.text || "", li);
  html("span", e.title || e.outlet || e.doc_id || "", li, { class: "doc" });
}

function showPeriod(data, point) {
  const box = document.getElementById("period-events");
  const heading = document.getElementById("period-heading");
  heading.textContent = "Events of " + point.period;
  box.replaceChildren(html("p", "Loading…", null, { class: "empty" }));
  const [a, b] = data.actors;
  const url = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "/events?" +
    query({ since: point.start, until: point.end, limit: 50 });
  fetch(url, { credentials: "same-origin" })
    .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
    .then(({ ok, body }) => {
      box.replaceChildren();
      if (!ok) { html("p", body.error ? body.error.message : "request failed", box, { class: "error" }); return; }
      const list = html("ol", null, box, { class: "events" });
      if (!body.events.length) html("li", "No counted events.", list, { class: "empty" });
      body.events.forEach((e) => eventItem(e, list));
      history.replaceState(null, "", "?" + query({ a, b, freq: data.freq, period: point.period }));
    })
    .catch((err) => { box.replaceChildren(html("p", "could not load the events: " + err, null, { class: "error" })); });
  document.querySelectorAll("#series .point").forEach((c) => {
    c.classList.toggle("current", c.getAttribute("data-period") === point.period);
  });
}

function drawSeries() {
  const svg = document.getElementById("series");
  const data = readJSON("series-data");
  if (!svg || !data || !data.points.length) return;
  const W = 960, H = 360, left = 44, right = 12, top = 16, mid = 170, bottom = 330;
  // the mean Goldstein (-10..+10) spans top..2·mid−top; cooperation bars rise from 0, conflict bars fall
  const n = data.points.length;
  const x = (i) => left + (n === 1 ? (W - left - right) / 2 : i * (W - left - right) / (n - 1));
  const gy = (g) => top + (10 - g) / 20 * (2 * (mid - top));
  const maxBar = Math.max(1, ...data.points.map((p) => Math.max(p.cooperation, p.conflict)));
  const barH = (v) => v / maxBar * (bottom - mid - 10);
  el("line", { class: "axis", x1: left, x2: W - right, y1: gy(0), y2: gy(0) }, svg);
  for (const g of [10, 5, 0, -5, -10]) {
    const t = el("text", { class: "tick", x: 4, y: gy(g) + 4 }, svg);
    t.textContent = signed(g, 0);
  }
  const bw = Math.max(1, Math.min(14, (W - left - right) / n - 2));
  data.points.forEach((p, i) => {
    if (p.cooperation > 0) el("rect", { class: "coop", x: x(i) - bw / 2, y: gy(0) - barH(p.cooperation) / 3, width: bw, height: barH(p.cooperation) / 3 }, svg);
    if (p.conflict > 0) el("rect", { class: "conf", x: x(i) - bw / 2, y: gy(0), width: bw, height: barH(p.conflict) / 3 }, svg);
  });
  let path = "";
  let pen = false;
  data.points.forEach((p, i) => {
    if (p.goldstein_mean === null) { pen = false; return; }
    path += (pen ? " L " : " M ") + x(i).toFixed(1) + " " + gy(p.goldstein_mean).toFixed(1);
    pen = true;
  });
  if (path) el("path", { class: "gline", d: path.trim() }, svg);
  const index = {};
  data.points.forEach((p, i) => { index[p.period] = i; });
  for (const s of data.shifts) {
    if (!(s.period in index)) continue;
    const sx = x(index[s.period]) - (n > 1 ? (W - left - right) / (n - 1) / 2 : 0);
    const line = el("line", { class: "shift", x1: sx, x2: sx, y1: top, y2: bottom }, svg);
    el("title", {}, line).textContent = "shift toward " + s.direction + " from " + s.period;
  }
  data.points.forEach((p, i) => {
    if (p.goldstein_mean === null) return;
    const c = el("circle", { class: "point", cx: x(i), cy: gy(p.goldstein_mean), r: 5, "data-period": p.period }, svg);
    el("title", {}, c).textContent = p.period + ": mean Goldstein " + signed(p.goldstein_mean, 2) + ", " + p.events + " events";
    c.addEventListener("click", () => showPeriod(data, p));
    if (data.period && data.period.period === p.period) c.classList.add("current");
  });
  const first = el("text", { class: "tick", x: left, y: H - 6 }, svg);
  first.textContent = data.points[0].period;
  const last = el("text", { class: "tick", x: W - right, y: H - 6, "text-anchor": "end" }, svg);
  last.textContent = data.points[n - 1].period;
}

function showReasons() {
  const button = document.getElementById("reasons-button");
  const list = document.getElementById("reasons");
  if (!button || !list) return;
  button.addEventListener("click", () => {
    button.disabled = true;
    list.replaceChildren(html("li", "Coding the sentence…"));
    fetch("/api/events/" + encodeURIComponent(button.getAttribute("data-event")) + "/reasons", { credentials: "same-origin" })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        list.replaceChildren();
        if (!ok) { html("li", body.error ? body.error.message : "request failed", list, { class: "error" }); return; }
        if (!body.events.length) html("li", "Coded on its own, the sentence does not give this act (it needed the document's context).", list);
        for (const e of body.events) {
          const p = e.probability === null || e.probability === undefined ? "" : ", probability " + Math.round(e.probability * 100) + "%";
          html("li", e.source_actor + " → " + e.target_actor + " " + e.cameo + ": " + (e.explain || []).join(", ") + p, list, { class: "reason" });
        }
        for (const d of body.dropped || []) html("li", "dropped: " + JSON.stringify(d), list, { class: "doc" });
      })
      .catch((err) => { list.replaceChildren(html("li", "could not code the sentence: " + err, null, { class: "error" })); })
      .finally(() => { button.disabled = false; });
  });
}

function showSentence() {
  const mark = document.getElementById("sentence");
  const box = document.getElementById("document");
  if (mark && box) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 80);
}

document.addEventListener("DOMContentLoaded", () => {
  drawTriangle();
  drawSeries();
  showSentence();
  showReasons();
  document.documentElement.setAttribute("data-ready", "1");
});
