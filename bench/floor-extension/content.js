// The bench's floor: one walk over the text nodes, a regex per node, one Highlight of the matches. No slicing,
// no sentences, no references: what any citation highlighter must at least pay.
(() => {
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const marker = /\[\d+\]/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (text.indexOf('[') < 0) continue;
    marker.lastIndex = 0;
    for (let m = marker.exec(text); m; m = marker.exec(text)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      highlight.add(range);
    }
  }
  if (highlight.size) CSS.highlights.set('bench-floor', highlight);
})();
