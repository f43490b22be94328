// <flink-search> — FlinkSearch's search box as a custom element in an open shadow root.
// Served by /embed.js inside a wrapper that defines WIDGET_CSS; see Hosting/WidgetBundle.cs.
//
// Attributes: placeholder, api (base URL of the service; default: where the script came from),
//             inline (render the results panel in place instead of a modal; used by the service's own page),
//             autofocus (inline only).
// Events (bubbling, composed): "flink-search-query" {query, section, discrete} after a search the user asked for;
//             discrete is true for a click or Enter rather than typing.
// Safety: page text is only ever set as text; the sole markup taken from the API is <mark>, rebuilt here as elements.

const scriptElement = document.currentScript;
const DEFAULT_API = scriptElement?.dataset.api
  || (scriptElement?.src ? new URL("../", scriptElement.src).href : new URL("/", location.href).href);
const PAGE_SIZE = 10;
const MAX_DEPTH = 1000; // the API refuses page × size beyond this
const DEBOUNCE_MS = 160;
const SUGGEST_SIZE = 6;
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgentData?.platform ?? navigator.platform ?? "");

const TEXT = {
  placeholder: "搜索 Flink 文章",
  dialogLabel: "搜索 Flink 文章",
  results: "搜索结果",
  filters: "按栏目筛选",
  all: "全部",
  loading: "正在搜索…",
  loadMore: "加载更多",
  idle: "输入关键词开始搜索，例如 Checkpoint、窗口、Watermark",
  found: (n) => `找到 ${n} 篇文章`,
  empty: (q) => `没有找到与“${q}”相关的文章`,
  emptyHint: "换个关键词试试，或者用更短的词、英文术语（如 Checkpoint）。",
  error: "搜索服务暂时不可用，请稍后再试。",
  notReady: "索引正在建立，请稍后再试。",
  badQuery: "这个搜索词无法处理，请换一个试试。",
  retry: "重试",
  close: "关闭",
  didYouMean: "你是不是要找：",
  suggestions: "联想：",
  stale: "旧版本",
  hint: "↑ ↓ 选择　Enter 打开　Esc 关闭",
  poweredBy: "FlinkSearch",
};

const suggestUnavailable = new Set(); // API bases whose /suggest answered 404: not asked again
const instances = new Set();

const dateFormat = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" });

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

/** Text nodes and <mark> elements from API HTML whose only markup is <mark>; anything else stays literal text. */
function highlighted(html) {
  const fragment = document.createDocumentFragment();
  let marking = false;
  for (const part of String(html ?? "").split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === "<mark>") { marking = true; continue; }
    if (tag === "</mark>") { marking = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decodeEntities(part));
    if (marking) {
      const mark = document.createElement("mark");
      mark.append(text);
      fragment.append(mark);
    } else {
      fragment.append(text);
    }
  }
  return fragment;
}

/** createElement with attributes and children; strings become text nodes, never markup. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child) => child != null && child !== false));
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";
function searchIcon() {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "icon");
  const circle = document.createElementNS(SVG_NS, "circle");
  for (const [k, v] of Object.entries({ cx: "11", cy: "11", r: "7" })) circle.setAttribute(k, v);
  const line = document.createElementNS(SVG_NS, "path");
  line.setAttribute("d", "M20 20l-4-4");
  svg.append(circle, line);
  return svg;
}

function apiBase(attribute) {
  try {
    const url = new URL(attribute || DEFAULT_API, document.baseURI);
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  } catch {
    return DEFAULT_API;
  }
}

class FlinkSearchElement extends HTMLElement {
  static observedAttributes = ["placeholder", "api"];

  #ui = null;
  #query = "";
  #section = null;
  #page = 1;
  #total = 0;
  #allTotal = null; // unfiltered total for #query, for the "全部" chip while a section is chosen
  #hits = [];
  #sections = [];
  #active = -1;
  #sequence = 0;
  #searchAbort = null;
  #suggestAbort = null;
  #timer = 0;
  #returnFocus = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open", delegatesFocus: false });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
  }

  get inline() { return this.hasAttribute("inline"); }
  get query() { return this.#query; }
  get section() { return this.#section; }

  connectedCallback() {
    if (!this.#ui) this.#render();
    instances.add(this);
    if (instances.size === 1) document.addEventListener("keydown", onShortcut);
    if (this.inline && this.hasAttribute("autofocus")) this.#ui.input.focus();
  }

  disconnectedCallback() {
    instances.delete(this);
    if (instances.size === 0) document.removeEventListener("keydown", onShortcut);
    this.#searchAbort?.abort();
    this.#suggestAbort?.abort();
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name) {
    if (!this.#ui) return;
    if (name === "placeholder") {
      const text = this.getAttribute("placeholder") || TEXT.placeholder;
      this.#ui.input.placeholder = text;
      this.#ui.input.setAttribute("aria-label", text);
      if (this.#ui.triggerLabel) this.#ui.triggerLabel.textContent = text;
    }
  }

  /** Shows the results for a query (and section) at once, without raising "flink-search-query" (used for back/forward). */
  setQuery(query, section = null) {
    this.#ui.input.value = query ?? "";
    this.#section = section || null;
    this.#search({ notify: false });
  }

  open() {
    if (this.inline) {
      this.#ui.input.focus();
      this.#ui.input.select();
      return;
    }
    if (this.#ui.dialog.open) return;
    const focused = document.activeElement;
    this.#returnFocus = focused && focused !== document.body && focused !== this ? focused : this.#ui.trigger;
    this.#ui.dialog.showModal();
    this.#ui.root.toggleAttribute("data-open", true);
    this.#ui.input.focus();
    this.#ui.input.select();
  }

  close() {
    if (!this.inline && this.#ui.dialog.open) this.#ui.dialog.close();
  }

  #render() {
    const placeholder = this.getAttribute("placeholder") || TEXT.placeholder;
    const input = h("input", {
      class: "input", type: "text", role: "combobox", "aria-expanded": "false", "aria-controls": "results",
      "aria-autocomplete": "list", "aria-label": placeholder, placeholder, autocomplete: "off", autocapitalize: "off",
      spellcheck: "false", enterkeyhint: "search", maxlength: "256", part: "input",
    });
    const spinner = h("span", { class: "spinner", "aria-hidden": "true" });
    const closeButton = this.inline ? null : h("button", { class: "close", type: "button", "aria-label": TEXT.close }, "Esc");
    const bar = h("div", { class: "bar" }, searchIcon(), input, spinner, closeButton);
    const suggestions = h("div", { class: "suggestions", hidden: true });
    const chips = h("div", { class: "chips", role: "group", "aria-label": TEXT.filters, hidden: true });
    const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
    const list = h("ul", { class: "results", id: "results", role: "listbox", "aria-label": TEXT.results });
    const more = h("button", { class: "more", type: "button", hidden: true }, TEXT.loadMore);
    const body = h("div", { class: "body" }, suggestions, chips, status, list, more);
    const panel = h("div", { class: "panel", part: "panel" }, bar, h("div", { class: "progress", "aria-hidden": "true" }), body);

    const root = h("div", { class: "root", part: "root" });
    this.#ui = { root, input, closeButton, suggestions, chips, status, list, more, trigger: null, triggerLabel: null, dialog: null };

    if (this.inline) {
      root.classList.add("inline");
      root.append(panel);
    } else {
      const triggerLabel = h("span", { class: "trigger-label" }, placeholder);
      const trigger = h("button", { class: "trigger", type: "button", "aria-haspopup": "dialog", part: "trigger" },
        searchIcon(), triggerLabel, h("kbd", { class: "shortcut", "aria-hidden": "true" }, IS_MAC ? "⌘ K" : "Ctrl K"));
      const footer = h("div", { class: "footer", "aria-hidden": "true" }, h("span", {}, TEXT.hint), h("span", { class: "brand" }, TEXT.poweredBy));
      panel.append(footer);
      const dialog = h("dialog", { class: "dialog", "aria-label": TEXT.dialogLabel, part: "dialog" }, panel);
      root.append(trigger, dialog);
      Object.assign(this.#ui, { trigger, triggerLabel, dialog });
      trigger.addEventListener("click", () => this.open());
      closeButton.addEventListener("click", () => this.close());
      dialog.addEventListener("close", () => this.#onClosed());
      // A click on the backdrop lands on the dialog element itself, outside the panel.
      dialog.addEventListener("click", (event) => { if (event.target === dialog) this.close(); });
    }

    this.#setStatus(TEXT.idle, "idle");
    input.addEventListener("input", () => this.#schedule());
    input.addEventListener("keydown", (event) => this.#onKeyDown(event));
    more.addEventListener("click", () => this.#search({ append: true, notify: false }));
    list.addEventListener("pointermove", (event) => {
      const option = event.target.closest?.("[role=option]");
      if (option) this.#activate(Number(option.dataset.index), false);
    });
    list.addEventListener("click", (event) => {
      const option = event.target.closest?.("[role=option]");
      if (option && !event.target.closest("a")) option.querySelector("a")?.click();
    });
    this.shadowRoot.append(root);
  }

  #onClosed() {
    this.#ui.root.toggleAttribute("data-open", false);
    const target = this.#returnFocus?.isConnected ? this.#returnFocus : this.#ui.trigger;
    this.#returnFocus = null;
    target?.focus();
  }

  #onKeyDown(event) {
    const count = this.#hits.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (count) this.#activate(this.#active + 1 >= count ? 0 : this.#active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (count) this.#activate(this.#active <= 0 ? count - 1 : this.#active - 1);
        break;
      case "Enter":
        if (event.isComposing) return; // confirming a Chinese IME candidate, not submitting
        event.preventDefault();
        if (this.#active >= 0) {
          this.#ui.list.querySelector(`[data-index="${this.#active}"] a`)?.click();
        } else {
          this.#search({ notify: true, discrete: true });
        }
        break;
      case "Escape":
        if (event.isComposing) return;
        event.preventDefault();
        event.stopPropagation();
        if (!this.inline) {
          this.close();
        } else if (this.#active >= 0) {
          this.#activate(-1);
        } else if (this.#ui.input.value) {
          this.#ui.input.value = "";
          this.#search({ notify: true, discrete: true });
        }
        break;
    }
  }

  #activate(index, scroll = true) {
    const options = this.#ui.list.querySelectorAll("[role=option]");
    options[this.#active]?.setAttribute("aria-selected", "false");
    this.#active = index;
    const option = options[index];
    if (option) {
      option.setAttribute("aria-selected", "true");
      this.#ui.input.setAttribute("aria-activedescendant", option.id);
      if (scroll) option.scrollIntoView({ block: "nearest" });
    } else {
      this.#ui.input.removeAttribute("aria-activedescendant");
    }
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search({ notify: true }), DEBOUNCE_MS);
  }

  async #search({ append = false, notify = false, discrete = false } = {}) {
    clearTimeout(this.#timer);
    const query = this.#ui.input.value.trim();
    if (!append && query !== this.#query) {
      this.#allTotal = null;
      if (notify) this.#section = null; // a new query typed by the user starts over across all sections
    }
    if (!append) {
      this.#query = query;
      this.#page = 1;
    }
    if (notify) this.#notify(discrete);

    this.#searchAbort?.abort(); // a newer request supersedes the one in flight
    const sequence = ++this.#sequence;
    if (!query) {
      this.#suggestAbort?.abort();
      this.#clearResults();
      this.#setStatus(TEXT.idle, "idle");
      return;
    }
    if (!append) this.#suggest(query);

    const page = append ? this.#page + 1 : 1;
    const abort = new AbortController();
    this.#searchAbort = abort;
    this.#setLoading(true);
    try {
      const url = new URL("search", apiBase(this.getAttribute("api")));
      url.searchParams.set("q", query);
      url.searchParams.set("page", String(page));
      url.searchParams.set("size", String(PAGE_SIZE));
      if (this.#section) url.searchParams.set("section", this.#section);
      const response = await fetch(url, { signal: abort.signal, headers: { Accept: "application/json" } });
      if (sequence !== this.#sequence) return;
      if (!response.ok) {
        this.#showError(response.status === 503 ? TEXT.notReady : response.status === 400 ? TEXT.badQuery : TEXT.error, !append);
        return;
      }
      const result = await response.json();
      if (sequence !== this.#sequence) return; // an answer to a query the user has moved on from
      this.#page = page;
      this.#showResults(result, append);
    } catch (error) {
      if (error?.name === "AbortError" || sequence !== this.#sequence) return;
      this.#showError(TEXT.error, !append);
    } finally {
      if (sequence === this.#sequence) this.#setLoading(false);
    }
  }

  async #suggest(query) {
    this.#suggestAbort?.abort();
    const base = apiBase(this.getAttribute("api"));
    if (suggestUnavailable.has(base)) return;
    const abort = new AbortController();
    this.#suggestAbort = abort;
    try {
      const url = new URL("suggest", base);
      url.searchParams.set("q", query);
      url.searchParams.set("size", String(SUGGEST_SIZE));
      const response = await fetch(url, { signal: abort.signal, headers: { Accept: "application/json" } });
      if (response.status === 404) {
        suggestUnavailable.add(base); // an older server without search-as-you-type: results alone will do
        return;
      }
      if (!response.ok || abort.signal.aborted) return;
      const result = await response.json();
      if (abort.signal.aborted || query !== this.#query) return;
      this.#showSuggestions(result.suggestions ?? []);
    } catch {
      // Suggestions are a nicety; the results carry on without them.
    }
  }

  #notify(discrete) {
    this.dispatchEvent(new CustomEvent("flink-search-query", {
      bubbles: true, composed: true, detail: { query: this.#query, section: this.#section, discrete },
    }));
  }

  #setLoading(loading) {
    this.#ui.root.toggleAttribute("data-loading", loading);
    this.#ui.list.setAttribute("aria-busy", String(loading));
    if (loading && !this.#hits.length) this.#setStatus(TEXT.loading, "loading");
  }

  #setStatus(text, kind, ...extra) {
    this.#ui.status.dataset.kind = kind;
    this.#ui.status.replaceChildren(h("span", { class: "status-text" }, text), ...extra.filter(Boolean));
  }

  #clearResults() {
    this.#hits = [];
    this.#total = 0;
    this.#sections = [];
    this.#ui.list.replaceChildren();
    this.#ui.chips.replaceChildren();
    this.#ui.chips.hidden = true;
    this.#ui.suggestions.hidden = true;
    this.#ui.more.hidden = true;
    this.#ui.input.setAttribute("aria-expanded", "false");
    this.#activate(-1);
  }

  #showError(message, clear) {
    if (clear) this.#clearResults();
    const retry = h("button", { class: "link", type: "button" }, TEXT.retry);
    retry.addEventListener("click", () => this.#search({ notify: false }));
    this.#setStatus(message, "error", retry);
  }

  #showResults(result, append) {
    const hits = Array.isArray(result.hits) ? result.hits : [];
    this.#total = Number(result.total) || 0;
    this.#sections = Array.isArray(result.sections) ? result.sections : [];
    if (!this.#section) this.#allTotal = this.#total;
    if (!append) {
      this.#hits = [];
      this.#ui.list.replaceChildren();
      this.#activate(-1);
    }
    const start = this.#hits.length;
    this.#hits.push(...hits);
    this.#ui.list.append(...hits.map((hit, i) => this.#renderHit(hit, start + i)));
    this.#ui.input.setAttribute("aria-expanded", String(this.#hits.length > 0));
    this.#renderChips();
    this.#ui.more.hidden = this.#hits.length >= this.#total || (this.#page + 1) * PAGE_SIZE > MAX_DEPTH;

    if (this.#total === 0) {
      const extra = [h("span", { class: "hint" }, TEXT.emptyHint)];
      if (result.didYouMean) extra.unshift(this.#didYouMean(result.didYouMean));
      this.#setStatus(TEXT.empty(this.#query), "empty", ...extra);
    } else {
      this.#setStatus(TEXT.found(this.#total), "done", result.didYouMean ? this.#didYouMean(result.didYouMean) : null);
    }
  }

  #didYouMean(text) {
    const button = h("button", { class: "link", type: "button" }, text);
    button.addEventListener("click", () => this.#useQuery(text));
    return h("span", { class: "did-you-mean" }, TEXT.didYouMean, button);
  }

  #useQuery(text) {
    this.#ui.input.value = text;
    this.#section = null;
    this.#search({ notify: true, discrete: true });
    this.#ui.input.focus();
  }

  #renderHit(hit, index) {
    const link = h("a", { class: "title", href: safeUrl(hit.url), target: "_blank", rel: "noopener", tabindex: "-1" });
    link.append(highlighted(hit.title));
    const meta = h("div", { class: "meta" });
    if (hit.section) meta.append(h("span", { class: "section" }, hit.section));
    const date = hit.publishedAt ? new Date(hit.publishedAt) : null;
    if (date && !Number.isNaN(date.getTime())) meta.append(h("time", { datetime: hit.publishedAt }, dateFormat.format(date)));
    const source = hit.account || hit.author;
    if (source) meta.append(h("span", { class: "source" }, source));
    if (hit.status === "stale") meta.append(h("span", { class: "badge" }, TEXT.stale));
    const option = h("li", { class: "hit", role: "option", id: `result-${index}`, "aria-selected": "false", "data-index": index }, link);
    if (hit.snippet) {
      const snippet = h("p", { class: "snippet" });
      snippet.append(highlighted(hit.snippet));
      option.append(snippet);
    }
    option.append(meta);
    return option;
  }

  #renderChips() {
    const chips = [this.#chip(TEXT.all, this.#section ? this.#allTotal : this.#total, null)];
    for (const section of this.#sections) chips.push(this.#chip(section.name, section.count, section.name));
    this.#ui.chips.replaceChildren(...chips);
    this.#ui.chips.hidden = this.#sections.length === 0;
  }

  #chip(label, count, section) {
    const chip = h("button", { class: "chip", type: "button", "aria-pressed": String(this.#section === section) }, label,
      count == null ? null : h("span", { class: "count" }, String(count)));
    chip.addEventListener("click", () => {
      if (this.#section === section) return;
      this.#section = section;
      this.#search({ notify: true, discrete: true });
    });
    return chip;
  }

  #showSuggestions(suggestions) {
    const lower = this.#query.toLowerCase();
    const terms = suggestions.filter((s) => s?.kind === "term" && s.text && s.text.toLowerCase() !== lower).slice(0, 5);
    this.#ui.suggestions.replaceChildren(h("span", { class: "label" }, TEXT.suggestions), ...terms.map((s) => {
      const button = h("button", { class: "suggestion", type: "button" });
      button.append(highlighted(s.html || escapeText(s.text)));
      button.addEventListener("click", () => this.#useQuery(s.text));
      return button;
    }));
    this.#ui.suggestions.hidden = terms.length === 0;
  }
}

function escapeText(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Only web links are followed; anything else (javascript:, data:) becomes inert. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : "about:blank";
  } catch {
    return "about:blank";
  }
}

/** Ctrl/Cmd+K opens the first search box on the page. */
function onShortcut(event) {
  if (event.key?.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  const first = [...instances][0];
  if (!first) return;
  event.preventDefault();
  first.open();
}

if (!customElements.get("flink-search")) customElements.define("flink-search", FlinkSearchElement);
