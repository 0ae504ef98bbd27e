/* tidings web page: map, time histogram, event table, evidence view and story timelines.
 *
 * Plain browser JavaScript, no build step. Everything that comes from articles (titles, text,
 * names) is inserted with textContent or as text nodes, never as HTML, so an article cannot run
 * code in this page (the server's Content-Security-Policy forbids inline scripts as a second wall).
 * The URL's query string holds the state (filters, selected event, open story), so a view can be
 * shared by copying the address.
 */
"use strict";

const FILTERS = ["since", "until", "type", "acled_type", "country", "actor", "place", "q", "merged", "story"];
const COLOURS = {
  ASSAULT: "#c0392b", COERCE: "#8e44ad", MOBILIZE: "#d35400", SANCTION: "#7f8c8d",
  THREATEN: "#e67e22", PROTEST: "#f1c40f", REJECT: "#95a5a6", ACCUSE: "#a0522d",
  REQUEST: "#16a085", RETREAT: "#27ae60", AID: "#2ecc71", COOPERATE: "#3498db",
  CONCEDE: "#1abc9c", SUPPORT: "#2980b9", CONSULT: "#5d6d7e", AGREE: "#2c3e50",
};
const PAGE = 100;
const MAP_LIMIT = 10000;

const state = { params: new URLSearchParams(location.search), next: null, selected: null };
let map = null;
let cluster = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function colour(type) { return COLOURS[type] || "#34495e"; }

function query(extra) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = state.params.get(name);
    if (value) params.set(name, value);
  }
  for (const [key, value] of Object.entries(extra || {})) {
    if (value !== null && value !== undefined && value !== "") params.set(key, value);
  }
  return params.toString();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok || body.ok === false) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function saveUrl() {
  const text = state.params.toString();
  history.replaceState(null, "", text ? `?${text}` : location.pathname);
}

function setStatus(text, isError) {
  const node = document.getElementById("status");
  node.textContent = text;
  node.className = isError ? "error" : "";
}

/* ---- filters ---------------------------------------------------------------------------- */

function fillSelect(id, counts, current) {
  const select = document.getElementById(id);
  const first = select.options[0];
  select.replaceChildren(first);
  for (const [value, n] of Object.entries(counts || {})) {
    select.append(el("option", { value }, `${value} (${n})`));
  }
  if (current && !counts?.[current]) select.append(el("option", { value: current }, current));
  select.value = current || "";
}

function readForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    if (name === "story") continue;
    const input = form.elements[name];
    const value = input?.type === "checkbox" ? (input.checked ? "true" : "") : input?.value?.trim();
    if (value) state.params.set(name, value); else state.params.delete(name);
  }
}

function writeForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input?.type === "checkbox") input.checked = state.params.get(name) === "true";
    else if (input && input.tagName !== "SELECT") input.value = state.params.get(name) || "";
  }
}

/* ---- map --------------------------------------------------------------------------------- */

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([25, 20], 2);
  try {
    const response = await fetch("/static/vendor/countries-110m.json");
    const topo = await response.json();
    const land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, { style: { color: "#8aa0b3", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  } catch (error) {
    setStatus(`base map unavailable: ${error.message}`, true);
  }
  cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true });
  // one handler for all markers (not two per marker): the tooltip is made when first pointed at
  cluster.on("click", (event) => { if (event.layer.eventId) selectEvent(event.layer.eventId); });
  cluster.on("mouseover", (event) => {
    const marker = event.layer;
    if (!marker.eventId || marker.getTooltip()) return;
    marker.bindTooltip(marker.label).openTooltip();
  });
  map.addLayer(cluster);
}

async function loadMap() {
  const fields = "id,type,date,location"; // what the markers show: a lean response for 10,000 of them
  const body = await fetch(`/api/events.geojson?${query({ limit: MAP_LIMIT, fields })}`).then((r) => r.json());
  cluster.clearLayers();
  const markers = [];
  for (const feature of body.features || []) {
    const [lon, lat] = feature.geometry.coordinates;
    const props = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: 7, color: "#fff", weight: 1, fillColor: colour(props.type), fillOpacity: 0.9,
    });
    marker.eventId = props.id;
    marker.label = `${props.date || "undated"} · ${props.type} · ${props.location || ""}`;
    markers.push(marker);
  }
  cluster.addLayers(markers);
  document.getElementById("map").dataset.markers = String(markers.length);
}

/* ---- histogram with a brush ---------------------------------------------------------------- */

const DAY = 86400000;

function drawHistogram(dates) {
  const box = document.getElementById("histogram");
  box.replaceChildren();
  const days = (dates || []).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
  if (!days.length) return;
  const times = days.map((d) => Date.parse(`${d.date}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times) + DAY;
  const width = 1000;
  const height = 90;
  const span = last - first;
  const bins = Math.min(120, Math.max(1, Math.round(span / DAY)));
  const counts = new Array(bins).fill(0);
  days.forEach((d, i) => { counts[Math.min(bins - 1, Math.floor(((times[i] - first) / span) * bins))] += d.n; });
  const top = Math.max(...counts);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  const since = state.params.get("since");
  const until = state.params.get("until");
  counts.forEach((n, i) => {
    if (!n) return;
    const start = first + (i / bins) * span;
    const rect = document.createElementNS(svg.namespaceURI, "rect");
    const barHeight = Math.max(2, (n / top) * (height - 16));
    rect.setAttribute("x", String((i / bins) * width));
    rect.setAttribute("width", String(Math.max(1, width / bins - 1)));
    rect.setAttribute("y", String(height - 14 - barHeight));
    rect.setAttribute("height", String(barHeight));
    const day = new Date(start).toISOString().slice(0, 10);
    const inside = (!since || day >= since) && (!until || day <= until);
    rect.setAttribute("class", inside && (since || until) ? "bar in" : "bar");
    const title = document.createElementNS(svg.namespaceURI, "title");
    title.textContent = `${day}: ${n}`;
    rect.append(title);
    svg.append(rect);
  });
  for (const [x, t, anchor] of [[2, first, "start"], [width - 2, last - DAY, "end"]]) {
    const label = document.createElementNS(svg.namespaceURI, "text");
    label.setAttribute("x", String(x));
    label.setAttribute("y", String(height - 2));
    label.setAttribute("text-anchor", anchor);
    label.textContent = new Date(t).toISOString().slice(0, 10);
    svg.append(label);
  }
  const brush = document.createElementNS(svg.namespaceURI, "rect");
  brush.setAttribute("class", "brush");
  brush.setAttribute("y", "0");
  brush.setAttribute("height", String(height - 14));
  brush.setAttribute("width", "0");
  svg.append(brush);
  const toX = (event) => {
    const rect = svg.getBoundingClientRect();
    return Math.max(0, Math.min(width, ((event.clientX - rect.left) / rect.width) * width));
  };
  const toDay = (x) => new Date(first + (x / width) * span).toISOString().slice(0, 10);
  let anchor = null;
  svg.addEventListener("mousedown", (event) => { anchor = toX(event); brush.setAttribute("x", String(anchor)); brush.setAttribute("width", "0"); });
  svg.addEventListener("mousemove", (event) => {
    if (anchor === null) return;
    const x = toX(event);
    brush.setAttribute("x", String(Math.min(anchor, x)));
    brush.setAttribute("width", String(Math.abs(x - anchor)));
  });
  const finish = (event) => {
    if (anchor === null) return;
    const x = toX(event);
    const [a, b] = [Math.min(anchor, x), Math.max(anchor, x)];
    anchor = null;
    if (b - a < 3) { state.params.delete("since"); state.params.delete("until"); }
    else { state.params.set("since", toDay(a)); state.params.set("until", toDay(b)); }
    writeForm();
    refresh();
  };
  svg.addEventListener("mouseup", finish);
  svg.addEventListener("mouseleave", (event) => { if (anchor !== null) finish(event); });
  box.append(svg);
}

/* ---- table ------------------------------------------------------------------------------- */

function eventRow(event) {
  const place = event.location ? event.location.name : "";
  const who = `${(event.actors || []).join(", ") || "—"} → ${(event.recipients || []).join(", ") || "—"}`;
  const status = [event.status, event.aux, event.certainty !== "asserted" ? event.certainty : null].filter(Boolean).join(", ");
  const row = el("tr", { dataset: { id: event.id, type: event.type || "" } },
    el("td", {}, event.date || "—"),
    el("td", {}, el("span", { class: "type", style: `background:${colour(event.type)}` }, event.type || "")),
    el("td", {}, event.sub_event_type || event.event_type || ""),
    el("td", {}, place),
    el("td", {}, who),
    el("td", {}, status),
    el("td", {}, (event.sources || []).join(", ")),
    el("td", {}, event.n_articles ? String(event.n_articles) : "1"),
  );
  row.addEventListener("click", () => selectEvent(event.id));
  if (event.id === state.params.get("event")) row.classList.add("selected");
  return row;
}

async function loadTable(append) {
  const cursor = append ? state.next : null;
  const body = await api(`/api/events?${query({ limit: PAGE, cursor })}`);
  const tbody = document.querySelector("#events tbody");
  if (!append) tbody.replaceChildren();
  for (const event of body.events) tbody.append(eventRow(event));
  state.next = body.next;
  document.getElementById("more").hidden = !body.next;
  const counted = body.total_exact === false ? `at least ${body.total.toLocaleString("en")}` : body.total;
  setStatus(`${counted} event${body.total === 1 ? "" : "s"} match`);
}

/* ---- event view with evidence ------------------------------------------------------------ */

function spansOf(record, event) {
  const spans = [];
  for (const actor of record.actors || []) {
    for (const [start, end] of actor.mentions || []) spans.push([start, end, "actor", actor.name]);
  }
  for (const place of record.places || []) spans.push([place.start, place.end, "place", place.name]);
  for (const timex of record.timexes || []) spans.push([timex.start, timex.end, "timex", timex.value || ""]);
  for (const quote of record.quotes || []) spans.push([quote.start, quote.end, "quote", quote.cue || "quote"]);
  for (const [start, end] of (event && event.evidence) || []) spans.push([start, end, "evidence", "evidence"]);
  return spans.filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && e > s);
}

const PRIORITY = ["evidence", "quote", "actor", "place", "timex"];

function highlighted(text, paragraphs, spans) {
  const container = el("div", { class: "article-text" });
  const blocks = paragraphs && paragraphs.length ? paragraphs : [[0, text.length, null]];
  for (const [pStart, pEnd, lang] of blocks) {
    const attrs = lang ? { lang, dir: ["ar", "fa", "he", "ur", "ps", "yi"].includes(lang) ? "rtl" : "auto" } : { dir: "auto" };
    const block = el("p", attrs);
    const cuts = new Set([pStart, pEnd]);
    for (const [s, e] of spans) {
      if (e > pStart && s < pEnd) { cuts.add(Math.max(s, pStart)); cuts.add(Math.min(e, pEnd)); }
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const covering = spans.filter(([s, e]) => s <= a && e >= b);
      if (!covering.length) { block.append(document.createTextNode(piece)); continue; }
      covering.sort((x, y) => PRIORITY.indexOf(x[2]) - PRIORITY.indexOf(y[2]));
      const kinds = [...new Set(covering.map((c) => c[2]))];
      const mark = el("mark", { class: kinds.join(" "), title: covering.map((c) => `${c[2]}: ${c[3]}`).join("\n") }, piece);
      block.append(mark);
    }
    container.append(block);
  }
  return container;
}

function fields(pairs) {
  const list = el("dl", { class: "fields" });
  for (const [name, value] of pairs) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
    list.append(el("dt", {}, name), el("dd", {}, Array.isArray(value) ? value.join("; ") : String(value)));
  }
  return list;
}

async function selectEvent(id) {
  state.params.set("event", id);
  saveUrl();
  showView("event");
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
  const view = document.getElementById("event-view");
  view.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  try {
    const body = await api(`/api/events/${encodeURIComponent(id)}`);
    const event = body.event;
    const articleBody = await api(`/api/articles/${encodeURIComponent(event.article_id)}`);
    const record = articleBody.record || {};
    const article = articleBody.article;
    const size = event.size || {};
    view.replaceChildren(
      el("h2", {}, `${event.type || "event"}${event.location ? ` in ${event.location.name}` : ""}`),
      fields([
        ["date", event.date ? `${event.date} (${event.date_precision || "?"}, from ${event.date_source || "?"})` : null],
        ["ACLED", [event.event_type, event.sub_event_type].filter(Boolean).join(" / ")],
        ["modes", event.modes], ["actors", event.actors], ["recipients", event.recipients],
        ["place", event.location ? `${event.location.name}, ${event.location.country || ""} (${event.location.lat}, ${event.location.lon})` : null],
        ["status", event.status], ["aux", event.aux], ["certainty", event.certainty],
        ["killed", size.killed], ["injured", size.injured], ["arrested", size.arrested],
        ["claimed by", event.claimed_by], ["sources", event.sources], ["confidence", event.confidence],
        ["story", event.story],
        ["reports", (body.reports || []).map((r) => `${r.outlet || r.article_id.slice(0, 12)} ${r.published || ""}`)],
        ["disagreements", event.merged ? Object.keys(event.merged.disagreements || {}) : []],
      ]),
      el("h3", {}, article.title || "(untitled article)"),
      el("p", { class: "hint" }, [article.outlet, article.published, article.url].filter(Boolean).join(" · ")),
      el("div", { class: "legend" },
        el("span", {}, el("mark", { class: "evidence" }, "evidence")), el("span", {}, el("mark", { class: "actor" }, "actor")),
        el("span", {}, el("mark", { class: "place" }, "place")), el("span", {}, el("mark", { class: "timex" }, "date")),
        el("span", {}, el("mark", { class: "quote" }, "quote"))),
      highlighted(article.text || "", article.paragraphs, spansOf(record, event)),
    );
  } catch (error) {
    view.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

/* ---- stories and timelines --------------------------------------------------------------- */

async function loadStories() {
  const view = document.getElementById("stories-view");
  const storyId = state.params.get("story");
  try {
    if (storyId) {
      const body = await api(`/api/stories/${encodeURIComponent(storyId)}/timeline`);
      const list = el("ol", { class: "timeline" });
      for (const event of body.events) {
        const item = el("li", { dataset: { id: event.id, date: event.date || "" } },
          el("time", {}, event.date || "undated"),
          `${event.type}${event.location ? ` · ${event.location.name}` : ""} — ${(event.actors || []).join(", ") || "unknown"} → ${(event.recipients || []).join(", ") || "—"}`);
        item.addEventListener("click", () => selectEvent(event.id));
        list.append(item);
      }
      const back = el("button", { type: "button" }, "All stories");
      back.addEventListener("click", () => { state.params.delete("story"); saveUrl(); refresh(); });
      view.replaceChildren(back, el("h2", {}, body.story.title || body.story.id), list);
      return;
    }
    const body = await api("/api/stories");
    const list = el("ul", { class: "stories" });
    for (const story of body.stories) {
      const item = el("li", { dataset: { id: story.id } }, `${story.title || story.id} (${story.n_events} events, ${story.first || "?"} – ${story.last || "?"})`);
      item.addEventListener("click", () => { state.params.set("story", story.id); saveUrl(); showView("stories"); refresh(); });
      list.append(item);
    }
    view.replaceChildren(body.stories.length ? list : el("p", { class: "hint" }, "No stories yet."));
  } catch (error) {
    view.replaceChildren(el("p", { class: "error" }, error.message));
  }
}

function showView(name) {
  for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("active", button.dataset.view === name);
  document.getElementById("event-view").hidden = name !== "event";
  document.getElementById("stories-view").hidden = name !== "stories";
  if (name === "stories") state.params.set("view", "stories"); else state.params.delete("view");
  saveUrl();
}

/* ---- wiring ------------------------------------------------------------------------------ */

async function refresh() {
  saveUrl();
  setStatus("Loading…");
  try {
    // the filter choices and histogram, the table, the map and the stories load side by side
    const choices = api(`/api/facets?${query()}`).then((facets) => {
      fillSelect("f-type", facets.types, state.params.get("type"));
      fillSelect("f-acled", facets.acled_types, state.params.get("acled_type"));
      fillSelect("f-country", facets.countries, state.params.get("country"));
      drawHistogram(facets.dates);
    });
    await Promise.all([choices, loadTable(false), loadMap(), loadStories()]);
    document.body.dataset.ready = "true";
  } catch (error) {
    setStatus(error.message, true);
  }
}

async function start() {
  writeForm();
  document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); readForm(); refresh(); });
  for (const id of ["f-type", "f-acled", "f-country", "f-merged"]) {
    document.getElementById(id).addEventListener("change", () => { readForm(); refresh(); });
  }
  document.getElementById("f-clear").addEventListener("click", () => { state.params = new URLSearchParams(); writeForm(); refresh(); });
  document.getElementById("more").addEventListener("click", () => loadTable(true));
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => { showView(button.dataset.view); if (button.dataset.view === "stories") loadStories(); });
  }
  await initMap();
  if (state.params.get("view") === "stories" || state.params.get("story")) showView("stories");
  await refresh();
  const selected = state.params.get("event");
  if (selected) selectEvent(selected);
}

start();
