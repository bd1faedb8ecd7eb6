/** Small pages of the test's own, in the seed article's shape (plain [n] markers, a References section). */

const references = (entries: [string, string, string][]) =>
  `<section class="references"><h2>References</h2>${entries
    .map(([n, title, url]) => `<p>[${n}] City Paper — ${title} — <a href="${url}">${url}</a></p>`)
    .join('')}</section>`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<style>body{font-family:Georgia,serif;max-width:40rem;margin:2rem auto;line-height:1.6}</style></head>' +
  `<body><article>${body}</article></body></html>`;

export const EXTRA_PAGES: Record<string, string> = {
  /** No citations at all. */
  plain: page(
    'A page without citations',
    '<h1>Weather</h1><p>It rained in the morning. The afternoon was dry and warm.</p><p>Tomorrow looks similar.</p>',
  ),
  /** A claim with a link inside it: a click on the link must follow the link. */
  links: page(
    'A claim with a link',
    '<h1>Bridge</h1><p>Officials <a id="inner-link" href="/extra/target">confirmed the closure</a> of the old bridge ' +
      'on Monday [1]. The detour adds ten minutes.</p>' +
      references([['1', 'Old bridge closes', 'https://example.org/bridge']]),
  ),
  target: page('Link target', '<h1>Arrived</h1><p>The link was followed.</p>'),
  /** A second cited sentence arrives after the page has loaded. */
  dynamic: page(
    'Content that arrives later',
    '<h1>River</h1><p>The river rose two metres overnight [1]. Nobody was hurt.</p><div id="later"></div>' +
      references([
        ['1', 'River rises', 'https://example.org/river'],
        ['2', 'Bridge closed', 'https://example.org/bridge'],
      ]),
  ).replace(
    '</body>',
    '<script>setTimeout(() => { const p = document.createElement("p"); ' +
      'p.textContent = "The old bridge was closed to traffic on Monday [2]."; ' +
      'document.getElementById("later").append(p); }, 700);</script></body>',
  ),
  /**
   * Markers as Wikipedia writes them: each "[n]" a link to its note in the reference list further down, so a
   * click that follows the link moves the page to `#cite_note-n`.
   */
  wiki: page(
    'Markers that link to their notes',
    '<h1>Harbour</h1><p>The harbour bridge opened to traffic in 1932.<sup id="cite_ref-1" class="reference">' +
      '<a href="#cite_note-1">[1]</a></sup> It now carries about forty thousand cars on a working day.' +
      '<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[2]</a></sup> Tolls were removed in 1980.</p>' +
      '<p>The city plans a second crossing further upstream for the next decade.</p>'.repeat(30) +
      '<h2 id="References">References</h2><ol class="references">' +
      '<li id="cite_note-1"><a href="#cite_ref-1">^</a> <cite>City Paper — Harbour bridge opens</cite> ' +
      '<a class="external" href="https://example.org/bridge">example.org/bridge</a></li>' +
      '<li id="cite_note-2"><a href="#cite_ref-2">^</a> <cite>Transport Office — Traffic counts</cite> ' +
      '<a class="external" href="https://example.org/traffic">example.org/traffic</a></li></ol>',
  ),
};
