// DOM building for the widget. Strings only ever become text nodes; <mark> is the one element made from API HTML.

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
