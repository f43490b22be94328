// The widget's DOM: the search field, the results panel and, in modal mode, the trigger button and dialog.
// Built from strings as text only (see markup.js); behaviour is wired up by the element.

import { limits } from "./limits.js";
import { h, highlighted, safeUrl, searchIcon } from "./markup.js";
import { TEXT, dateFormat } from "./text.js";

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgentData?.platform ?? navigator.platform ?? "");

/** The parts of one widget; trigger, triggerLabel, dialog and closeButton are null in inline mode. */
export function buildLayout(inline, placeholder) {
  const input = h("input", {
    class: "input", type: "text", role: "combobox", "aria-expanded": "false", "aria-controls": "results",
    "aria-autocomplete": "list", "aria-label": placeholder, placeholder, autocomplete: "off", autocapitalize: "off",
    spellcheck: "false", enterkeyhint: "search", maxlength: String(limits.maxQueryLength), part: "input",
  });
  const spinner = h("span", { class: "spinner", "aria-hidden": "true" });
  // The name begins with the key it shows, so speech users can say what they see ("click Esc").
  const closeButton = inline ? null : h("button", { class: "close", type: "button", "aria-label": TEXT.close }, "Esc");
  const bar = h("div", { class: "bar" }, searchIcon(), input, spinner, closeButton);
  const suggestions = h("div", { class: "suggestions", hidden: true });
  const chips = h("div", { class: "chips", role: "group", "aria-label": TEXT.filters, hidden: true });
  const accountChips = h("div", { class: "chips accounts", role: "group", "aria-label": TEXT.accountFilters, hidden: true });
  const newest = h("button", { class: "chip toggle", type: "button", "aria-pressed": "false", title: TEXT.newestLabel }, TEXT.newest);
  const dates = h("button", { class: "chip dates", type: "button", hidden: true });
  const tools = h("div", { class: "tools", hidden: true }, newest, dates);
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const list = h("div", { class: "results", id: "results", role: "listbox", "aria-label": TEXT.results });
  const more = h("button", { class: "more", type: "button", hidden: true }, TEXT.loadMore);
  // The order toggle sits at the end of the status line, outside the live region.
  const summary = h("div", { class: "summary" }, status, tools);
  const body = h("div", { class: "body" }, suggestions, chips, accountChips, summary, list, more);
  const panel = h("div", { class: "panel", part: "panel" }, bar, h("div", { class: "progress", "aria-hidden": "true" }), body);

  const root = h("div", { class: "root", part: "root" });
  const ui = {
    root, input, closeButton, suggestions, chips, accountChips, tools, newest, dates, status, list, more,
    trigger: null, triggerLabel: null, dialog: null,
  };

  if (inline) {
    root.classList.add("inline");
    root.append(panel);
    return ui;
  }
  const triggerLabel = h("span", { class: "trigger-label" }, placeholder);
  const trigger = h("button", { class: "trigger", type: "button", "aria-haspopup": "dialog", part: "trigger" },
    searchIcon(), triggerLabel, h("kbd", { class: "shortcut", "aria-hidden": "true" }, IS_MAC ? "⌘ K" : "Ctrl K"));
  const footer = h("div", { class: "footer", "aria-hidden": "true" }, h("span", {}, TEXT.hint), h("span", { class: "brand" }, TEXT.poweredBy));
  panel.append(footer);
  const dialog = h("dialog", { class: "dialog", "aria-label": TEXT.dialogLabel, part: "dialog" }, panel);
  root.append(trigger, dialog);
  Object.assign(ui, { trigger, triggerLabel, dialog });
  return ui;
}

/**
 * One result as a listbox option: highlighted title, snippet, section, date and source. The option is itself the link
 * to the article (an option may hold no link or button), so a click, Enter or a middle-click opens it as links do.
 */
export function resultOption(hit, id) {
  const title = h("span", { class: "title" });
  title.append(highlighted(hit.title));
  const meta = h("div", { class: "meta" });
  if (hit.section) meta.append(h("span", { class: "section" }, hit.section));
  const date = hit.publishedAt ? new Date(hit.publishedAt) : null;
  if (date && !Number.isNaN(date.getTime())) meta.append(h("time", { datetime: hit.publishedAt }, dateFormat.format(date)));
  const source = hit.account || hit.author;
  if (source) meta.append(h("span", { class: "source" }, source));
  if (hit.status === "stale") meta.append(h("span", { class: "badge" }, TEXT.stale));
  const option = h("a", {
    class: "hit", role: "option", id, href: safeUrl(hit.url), target: "_blank", rel: "noopener", tabindex: "-1",
    "aria-selected": "false",
  }, title);
  if (hit.snippet) {
    const snippet = h("span", { class: "snippet" });
    snippet.append(highlighted(hit.snippet));
    option.append(snippet);
  }
  option.append(meta);
  return option;
}

/** The related articles of an opened result, as a group of options right under it: titles and where they are from. */
export function relatedGroup(hits, optionId) {
  const label = h("div", { class: "related-label", id: `${optionId}-related` }, TEXT.related);
  return h("div", { class: "related", role: "group", "aria-labelledby": label.id }, label,
    ...hits.map((hit, i) => resultOption({ ...hit, snippet: null }, `${optionId}-related-${i}`)));
}
