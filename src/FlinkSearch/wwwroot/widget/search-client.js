// Talks to the FlinkSearch HTTP API for one widget. The newest request wins: starting a search aborts the one in
// flight, and an answer that arrives after a newer search began is dropped rather than shown.

import { limits } from "./limits.js";

// This file is served at <service>/widget/<version>/search-client.js: by default the widget calls that service.
const DEFAULT_API = new URL("../../", import.meta.url).href;
// How many to ask for: the widget's choice, within what the server accepts (limits.js comes from the server).
export const PAGE_SIZE = Math.min(10, limits.maxPageSize);
const SUGGEST_SIZE = Math.min(6, limits.maxSuggestions);
const RELATED_SIZE = Math.min(5, limits.maxRelated);
const suggestUnavailable = new Set(); // API bases whose /suggest answered 404: not asked again

export function apiBase(attribute) {
  try {
    const url = new URL(attribute || DEFAULT_API, document.baseURI);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  } catch {
    return DEFAULT_API;
  }
}

/** A search the API refused or could not run; status 503 means the index is still being built. */
class SearchError extends Error {
  constructor(status) {
    super(`search answered ${status}`);
    this.status = status;
  }
}

export class SearchClient {
  #base;
  #sequence = 0;
  #searchAbort = null;
  #suggestAbort = null;

  /** @param {() => string} base the API base URL, read at each request so that a changed api attribute applies */
  constructor(base) {
    this.#base = base;
  }

  /**
   * The API's answer, or null when a newer search has replaced this one. Throws SearchError or a network error.
   * @param {{section?: string|null, sort?: string, accounts?: string[], from?: string|null, to?: string|null, asTyped?: boolean}} filters
   *   asTyped: search the text as typed, without answering with its spelling correction
   */
  async search(query, page, { section = null, sort = "relevance", accounts = [], from = null, to = null, asTyped = false } = {}) {
    this.#searchAbort?.abort();
    const sequence = ++this.#sequence;
    const abort = new AbortController();
    this.#searchAbort = abort;
    const url = new URL("search", this.#base());
    url.searchParams.set("q", query);
    url.searchParams.set("page", String(page));
    url.searchParams.set("size", String(PAGE_SIZE));
    if (section) url.searchParams.set("section", section);
    if (sort === "newest") url.searchParams.set("sort", sort);
    for (const account of accounts) url.searchParams.append("account", account);
    if (from) url.searchParams.set("from", from);
    if (to) url.searchParams.set("to", to);
    if (asTyped) url.searchParams.set("correct", "false");
    try {
      const response = await fetch(url, { signal: abort.signal, headers: { Accept: "application/json" } });
      if (sequence !== this.#sequence) return null;
      if (!response.ok) throw new SearchError(response.status);
      const result = await response.json();
      return sequence === this.#sequence ? result : null;
    } catch (error) {
      if (error?.name === "AbortError" || sequence !== this.#sequence) return null;
      throw error;
    }
  }

  /** Term completions for a prefix; [] when the server has none; null when superseded. Never throws. */
  async suggest(query) {
    this.#suggestAbort?.abort();
    const base = this.#base();
    if (suggestUnavailable.has(base)) return [];
    const abort = new AbortController();
    this.#suggestAbort = abort;
    try {
      const url = new URL("suggest", base);
      url.searchParams.set("q", query);
      url.searchParams.set("size", String(SUGGEST_SIZE));
      const response = await fetch(url, { signal: abort.signal, headers: { Accept: "application/json" } });
      if (response.status === 404) {
        suggestUnavailable.add(base); // a server without search-as-you-type: the results alone will do
        return [];
      }
      if (!response.ok) return [];
      const result = await response.json();
      return abort.signal.aborted ? null : (result.suggestions ?? []);
    } catch {
      return abort.signal.aborted ? null : []; // suggestions are a nicety; the results carry on without them
    }
  }

  /** The articles related to an article; [] when there are none or the server cannot say. Never throws. */
  async related(id) {
    try {
      const url = new URL(`articles/${encodeURIComponent(id)}/related`, this.#base());
      url.searchParams.set("size", String(RELATED_SIZE));
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) return [];
      const result = await response.json();
      return Array.isArray(result.hits) ? result.hits : [];
    } catch {
      return []; // related articles are a nicety; the opened article is what was asked for
    }
  }

  /** Stops whatever is in flight (the query box was emptied). */
  cancel() {
    this.#sequence++;
    this.#searchAbort?.abort();
    this.#suggestAbort?.abort();
  }
}
