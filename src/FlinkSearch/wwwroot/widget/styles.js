// The widget's stylesheet for its shadow roots. It is fetched (allowed by the connect-src that the searches need anyway)
// and adopted as a constructed sheet, so a host page with a strict CSP needs no style-src entry for it. The top-level
// await keeps the element from being defined, and drawn, before its styles are here.

const css = await fetch(new URL("./flink-search.css", import.meta.url))
  .then((response) => (response.ok ? response.text() : ""))
  .catch(() => ""); // unstyled beats absent: the search still works

let sheet = null;

/** Gives a shadow root the widget's styles. */
export function adoptStyles(shadow) {
  if ("adoptedStyleSheets" in ShadowRoot.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    shadow.adoptedStyleSheets = [sheet];
  } else {
    // Browsers from before constructable stylesheets; a host page with a strict style-src will block this.
    const style = document.createElement("style");
    style.textContent = css;
    shadow.append(style);
  }
}
