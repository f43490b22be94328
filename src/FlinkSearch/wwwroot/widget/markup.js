// DOM building for the widget. Strings only ever become text nodes; <mark> is the one element made from API HTML.

// A parsed document has no browsing context: nothing in it loads or runs, so it is a safe place to read API HTML.
const parser = new DOMParser();

/**
 * Text nodes and <mark> elements from API HTML whose only markup is <mark>. The browser's parser decodes the entities;
 * any other element is kept as its text alone, and no parsed node is ever inserted into the page.
 */
export function highlighted(html) {
  const fragment = document.createDocumentFragment();
  for (const node of parser.parseFromString(String(html ?? ""), "text/html").body.childNodes) {
    const text = document.createTextNode(node.textContent ?? "");
    if (node.nodeName === "MARK") {
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
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child) => child != null && child !== false));
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function searchIcon() {
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

/** Only web links are followed; anything else (javascript:, data:) becomes inert. */
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : "about:blank";
  } catch {
    return "about:blank";
  }
}
