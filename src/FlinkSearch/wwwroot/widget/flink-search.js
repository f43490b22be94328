// <flink-search> — FlinkSearch's search box as a custom element in an open shadow root. The entry module of the widget:
// /embed.js loads it from /widget/<version>/, and the modules it imports come from the same folder (see README, "Embedding").
//
// Attributes: placeholder, api (base URL of the service; default: where the script came from),
//             inline (render the results panel in place instead of a modal; used by the service's own page),
//             autofocus (inline only),
//             related (under a result that is opened, show the articles related to it; used by the service's own page).
// Events (bubbling, composed): "flink-search-query" {query, section, sort, accounts, from, to, discrete} after a search
//             the user asked for; discrete is true for a click or Enter rather than typing.
// Safety: page text is only ever set as text; the sole markup taken from the API is <mark>, rebuilt as elements (markup.js).

import { buildLayout, relatedGroup, resultOption } from "./layout.js";
import { limits } from "./limits.js";
import { h, highlighted } from "./markup.js";
import { PAGE_SIZE, SearchClient, apiBase } from "./search-client.js";
import { adoptStyles } from "./styles.js";
import { TEXT } from "./text.js";

const DEBOUNCE_MS = 160;

const instances = new Set();

class FlinkSearchElement extends HTMLElement {
  static observedAttributes = ["placeholder", "api"];

  #ui = null;
  #query = "";
  #section = null;
  #asTyped = false; // the reader chose "仍然搜索" the typed text: no spelling correction for this query
  #sort = "relevance"; // or "newest"
  #accounts = []; // any of these accounts; none = all
  #from = null; // yyyy-MM-dd or null; set only through setQuery (the page's URL)
  #to = null;
  #page = 1;
  #total = 0;
  #allTotal = null; // unfiltered total for #query, for the "全部" chip while a section is chosen
  #hits = [];
  #sections = [];
  #accountCounts = [];
  #active = -1;
  #client = new SearchClient(() => apiBase(this.getAttribute("api")));
  #timer = 0;
  #returnFocus = null;

  constructor() {
    super();
    adoptStyles(this.attachShadow({ mode: "open", delegatesFocus: false }));
  }

  get inline() { return this.hasAttribute("inline"); }
  get query() { return this.#query; }
  get section() { return this.#section; }
  get sort() { return this.#sort; }
  get accounts() { return [...this.#accounts]; }

  connectedCallback() {
    if (!this.#ui) this.#render();
    instances.add(this);
    if (instances.size === 1) document.addEventListener("keydown", onShortcut);
    if (this.inline && this.hasAttribute("autofocus")) this.#ui.input.focus();
  }

  disconnectedCallback() {
    instances.delete(this);
    if (instances.size === 0) document.removeEventListener("keydown", onShortcut);
    this.#client.cancel();
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

  /**
   * Shows the results for a query at once, without raising "flink-search-query" (used for back/forward). The second
   * argument is the section's name, or the filters {section, sort, accounts, from, to}; what it leaves out is reset.
   */
  setQuery(query, filters = null) {
    const { section = null, sort = "relevance", accounts = [], from = null, to = null } =
      typeof filters === "string" ? { section: filters } : (filters ?? {});
    this.#ui.input.value = query ?? "";
    this.#section = section || null;
    this.#sort = sort === "newest" ? "newest" : "relevance";
    this.#accounts = [...new Set((accounts ?? []).filter(Boolean))];
    this.#from = from || null;
    this.#to = to || null;
    this.#allTotal = null;
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
    this.#ui = buildLayout(this.inline, this.getAttribute("placeholder") || TEXT.placeholder);
    const { root, input, closeButton, list, more, trigger, dialog, newest, dates } = this.#ui;
    if (!this.inline) {
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
    newest.addEventListener("click", () => {
      this.#sort = this.#sort === "newest" ? "relevance" : "newest";
      this.#search({ notify: true, discrete: true });
    });
    dates.addEventListener("click", () => {
      this.#from = this.#to = null;
      this.#allTotal = null;
      this.#search({ notify: true, discrete: true });
    });
    list.addEventListener("pointermove", (event) => {
      const option = event.target.closest?.("[role=option]");
      if (option) this.#activate(this.#options().indexOf(option), false);
    });
    // A click or Enter opens the option's article (it is a link); with "related", its related articles appear under it.
    list.addEventListener("click", (event) => {
      const option = event.target.closest?.("[role=option]");
      if (option?.dataset.id && this.hasAttribute("related")) this.#showRelated(option);
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
    const count = this.#options().length;
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
          this.#options()[this.#active]?.click();
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

  /** The options in the order the arrow keys walk them. */
  #options() {
    return [...this.#ui.list.querySelectorAll("[role=option]")];
  }

  #activate(index, scroll = true) {
    const options = this.#options();
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
      this.#asTyped = false;
      if (notify) {
        // A new query typed by the user starts over across all sections and accounts (the order and dates stay).
        this.#section = null;
        this.#accounts = [];
      }
    }
    if (!append) {
      this.#query = query;
      this.#page = 1;
    }
    if (notify) this.#notify(discrete);

    if (!query) {
      this.#client.cancel();
      this.#setLoading(false);
      this.#clearResults();
      this.#setStatus(TEXT.idle, "idle");
      return;
    }
    if (!append) this.#suggest(query);

    const page = append ? this.#page + 1 : 1;
    this.#setLoading(true);
    let result;
    try {
      result = await this.#client.search(query, page, {
        section: this.#section, sort: this.#sort, accounts: this.#accounts, from: this.#from, to: this.#to, asTyped: this.#asTyped,
      });
    } catch (error) {
      this.#setLoading(false);
      this.#showError(error?.status === 503 ? TEXT.notReady : error?.status === 400 ? TEXT.badQuery : TEXT.error, !append);
      return;
    }
    if (result === null) return; // superseded: the newer search shows its own results
    this.#setLoading(false);
    this.#page = page;
    this.#showResults(result, append);
  }

  async #suggest(query) {
    const suggestions = await this.#client.suggest(query);
    if (suggestions && query === this.#query) this.#showSuggestions(suggestions);
  }

  #notify(discrete) {
    this.dispatchEvent(new CustomEvent("flink-search-query", {
      bubbles: true, composed: true, detail: {
        query: this.#query, section: this.#section, sort: this.#sort, accounts: [...this.#accounts], from: this.#from, to: this.#to, discrete,
      },
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
    this.#accountCounts = [];
    this.#ui.list.replaceChildren();
    for (const row of [this.#ui.chips, this.#ui.accountChips]) {
      row.replaceChildren();
      row.hidden = true;
    }
    this.#ui.tools.hidden = true;
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
    this.#accountCounts = Array.isArray(result.accounts) ? result.accounts : [];
    if (!this.#section) this.#allTotal = this.#total;
    if (!append) {
      this.#hits = [];
      this.#ui.list.replaceChildren();
      this.#activate(-1);
    }
    const start = this.#hits.length;
    this.#hits.push(...hits);
    this.#ui.list.append(...hits.map((hit, i) => {
      const option = resultOption(hit, `result-${start + i}`);
      option.dataset.id = hit.id ?? "";
      return option;
    }));
    this.#ui.input.setAttribute("aria-expanded", String(this.#hits.length > 0));
    this.#renderChips();
    this.#ui.more.hidden = this.#hits.length >= this.#total || (this.#page + 1) * PAGE_SIZE > limits.maxDepth;

    if (result.correctedFrom) {
      this.#setStatus(TEXT.found(this.#total), "done", this.#corrected(result.query, result.correctedFrom));
    } else if (this.#total === 0) {
      const extra = [h("span", { class: "hint" }, TEXT.emptyHint)];
      if (result.didYouMean) extra.unshift(this.#didYouMean(result.didYouMean));
      this.#setStatus(TEXT.empty(this.#query), "empty", ...extra);
    } else {
      this.#setStatus(TEXT.found(this.#total), "done", result.didYouMean ? this.#didYouMean(result.didYouMean) : null);
    }
  }

  async #showRelated(option) {
    const hits = await this.#client.related(option.dataset.id);
    if (!option.isConnected || !hits.length) return;
    this.#ui.list.querySelector(".related")?.remove();
    option.after(relatedGroup(hits, option.id));
    // Removing an earlier group moves the options after it: the active one keeps its place by its element.
    this.#active = this.#options().findIndex((o) => o.getAttribute("aria-selected") === "true");
  }

  #didYouMean(text) {
    const button = h("button", { class: "link", type: "button" }, text);
    button.addEventListener("click", () => this.#useQuery(text));
    return h("span", { class: "did-you-mean" }, TEXT.didYouMean, button);
  }

  // The answer is for the corrected text; one click searches the text as typed instead.
  #corrected(query, typed) {
    const button = h("button", { class: "link", type: "button" }, TEXT.searchAsTyped(typed));
    button.addEventListener("click", () => {
      this.#asTyped = true;
      this.#search({ notify: false, discrete: true });
      this.#ui.input.focus();
    });
    return h("span", { class: "corrected" }, TEXT.showingCorrected(query), " · ", button);
  }

  #useQuery(text) {
    this.#ui.input.value = text;
    this.#section = null;
    this.#search({ notify: true, discrete: true });
    this.#ui.input.focus();
  }

  #renderChips() {
    const chips = [this.#chip(TEXT.all, this.#section ? this.#allTotal : this.#total, null)];
    for (const section of this.#sections) chips.push(this.#chip(section.name, section.count, section.name));
    this.#ui.chips.replaceChildren(...chips);
    this.#ui.chips.hidden = this.#sections.length === 0;

    // Accounts toggle: any of the pressed ones; one asked for but without matches stays, so it can be let go.
    const names = this.#accountCounts.map((account) => account.name);
    const counted = new Map(this.#accountCounts.map((account) => [account.name, account.count]));
    const accountChips = [...names, ...this.#accounts.filter((name) => !counted.has(name))]
      .map((name) => this.#accountChip(name, counted.get(name) ?? 0));
    this.#ui.accountChips.replaceChildren(...accountChips);
    this.#ui.accountChips.hidden = accountChips.length === 0;

    this.#ui.newest.setAttribute("aria-pressed", String(this.#sort === "newest"));
    const dated = Boolean(this.#from || this.#to);
    if (dated) {
      const label = TEXT.dates(this.#from, this.#to);
      this.#ui.dates.replaceChildren(label, h("span", { class: "count", "aria-hidden": "true" }, "×"));
      this.#ui.dates.setAttribute("aria-label", TEXT.clearDates(label));
    }
    this.#ui.dates.hidden = !dated;
    this.#ui.tools.hidden = false;
  }

  #accountChip(name, count) {
    const pressed = this.#accounts.includes(name);
    const chip = h("button", { class: "chip", type: "button", "aria-pressed": String(pressed) }, name,
      h("span", { class: "count" }, String(count)));
    chip.addEventListener("click", () => {
      this.#accounts = pressed ? this.#accounts.filter((account) => account !== name) : [...this.#accounts, name];
      this.#allTotal = null;
      this.#search({ notify: true, discrete: true });
    });
    return chip;
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
      // One span inside the flex button: as separate flex items, the marked prefix and the rest stood a gap apart.
      const button = h("button", { class: "suggestion", type: "button" }, h("span", {}, s.html ? highlighted(s.html) : s.text));
      button.addEventListener("click", () => this.#useQuery(s.text));
      return button;
    }));
    this.#ui.suggestions.hidden = terms.length === 0;
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
