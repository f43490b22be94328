// The search page: keeps the query, its filters and order in the URL (shareable, back/forward work) and says when only
// titles are searchable.
"use strict";

const box = document.querySelector("flink-search");
const defaultTitle = document.title;
const SETTLE_MS = 1000; // typing that pauses this long becomes a history entry of its own

// Typing replaces the current history entry; a new entry starts once the previous query has settled or
// after a discrete action (Enter, a section chip, a suggestion), so Back goes to the previous search, not the previous keystroke.
let settled = true;
let settleTimer = 0;

// The URL holds what the API takes: q, section, sort (only when not relevance), account (repeated), from, to.
function readUrl() {
  const params = new URLSearchParams(location.search);
  return {
    query: params.get("q") ?? "",
    filters: {
      section: params.get("section"),
      sort: params.get("sort") === "newest" ? "newest" : "relevance",
      accounts: params.getAll("account").filter(Boolean),
      from: params.get("from"),
      to: params.get("to"),
    },
  };
}

function urlFor(query, { section, sort, accounts = [], from, to }) {
  const url = new URL(location.href);
  url.search = "";
  if (!query) return url;
  url.searchParams.set("q", query);
  if (section) url.searchParams.set("section", section);
  if (sort === "newest") url.searchParams.set("sort", sort);
  for (const account of accounts) url.searchParams.append("account", account);
  if (from) url.searchParams.set("from", from);
  if (to) url.searchParams.set("to", to);
  return url;
}

function showTitle(query) {
  document.title = query ? `${query} - FlinkSearch` : defaultTitle;
}

box.addEventListener("flink-search-query", (event) => {
  const { query, discrete, ...filters } = event.detail;
  const url = urlFor(query, filters);
  if (url.href !== location.href) {
    if (settled || discrete) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
  showTitle(query);
  clearTimeout(settleTimer);
  settled = discrete;
  if (!discrete) settleTimer = setTimeout(() => { settled = true; }, SETTLE_MS);
});

window.addEventListener("popstate", () => {
  const { query, filters } = readUrl();
  clearTimeout(settleTimer);
  settled = true;
  box.setQuery(query, filters);
  showTitle(query);
});

async function showStats() {
  try {
    const response = await fetch("stats", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const stats = await response.json();
    document.getElementById("titles-only").hidden = !(stats.documents > 0 && stats.crawled === 0);
    if (stats.documents > 0) document.getElementById("stats").textContent = `已收录 ${stats.documents} 篇文章`;
  } catch {
    // The page works without the figures.
  }
}

customElements.whenDefined("flink-search").then(() => {
  const { query, filters } = readUrl();
  if (query) box.setQuery(query, filters);
  showTitle(query);
});
showStats();
document.getElementById("embed-snippet").textContent =
  `<script src="${new URL("embed.js", location.href).href}" defer></script> <flink-search></flink-search>`;
