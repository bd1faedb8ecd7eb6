/**
 * Stands in for `cssomnom/parse`, the CSS parser linkedom loads only for `<style>.sheet`. The background parses
 * cited pages for Readability and the judge, which read text and never a stylesheet, so the parser (about 200 KB of
 * the background before minifying) is left out of the extension build. A sheet, if anything ever asked, is empty.
 */
export function parse(): { cssRules: never[] } {
  return { cssRules: [] };
}
