/**
 * Content hidden by markup until the reader opens it (a collapsed infobox, table or accordion panel) is the page's
 * content: its markers are markers. Seen on Wikipedia's mobile HTML (fixture zhwiki-mobile-html-star: the infobox
 * sits in `pcs-collapse-table-content` with display:none behind 快速預覽). Hidden matter that is not a collapsed
 * widget's body (a display:none copy) stays unread.
 */
import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, scan } from './helpers';

const notes =
  '<h2>References</h2><ol class="references">' +
  '<li id="cite_note-1"><a href="#cite_ref-1">^</a> <a href="https://example.org/1">One</a></li>' +
  '<li id="cite_note-2"><a href="#cite_ref-2">^</a> <a href="https://example.org/2">Two</a></li></ol>';
const ref = (n: number) =>
  `<sup id="cite_ref-${n}" class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;

describe('markers in collapsed content', () => {
  it("a mobile infobox collapsed behind 'Quick facts' (pcs-collapse-table-content, display:none)", () => {
    const r = scan(
      '<p>The star is in Taurus.</p><div class="pcs-collapse-table-container"><div class="pcs-collapse-table-collapsed-container">' +
        '<strong>Quick facts</strong><span role="button"></span></div><div class="pcs-collapse-table-content" style="display: none;">' +
        `<table class="infobox"><tr><th>Parallax</th><td>71.62 ± 0.54${ref(1)} mas</td></tr></table></div></div>` +
        `<p>It has a debris disk.${ref(2)}</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual(['71.62 ± 0.54 mas', 'It has a debris disk.']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it("the same in the apps' older markup: the infobox itself hidden inside pagelib_collapse_table_container", () => {
    const r = scan(
      '<div class="pagelib_collapse_table_container"><div class="pagelib_collapse_table_collapsed_container" style="display: block;">' +
        '<strong>Quick facts</strong></div><table class="infobox" style="margin-top: 0px; display: none;">' +
        `<tr><th>Parallax</th><td>71.62 ± 0.54${ref(1)} mas</td></tr></table></div><p>It has a debris disk.${ref(2)}</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual(['71.62 ± 0.54 mas', 'It has a debris disk.']);
  });

  it('a collapsed MediaWiki table (mw-collapsible-content hidden by its script)', () => {
    const r = scan(
      `<table class="wikitable mw-collapsible mw-collapsed"><tr><th>Results</th></tr><tr class="mw-collapsible-content" style="display: none;"><td>The team won in 1998.${ref(1)}</td></tr></table>` +
        `<p>It lost in 1999.${ref(2)}</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual(['The team won in 1998.', 'It lost in 1999.']);
  });

  it('an accordion panel closed with the hidden attribute', () => {
    const r = scan(
      `<button aria-expanded="false" aria-controls="p1">History</button><div id="p1" class="accordion-panel" hidden><p>The town was founded in 1201.${ref(1)}</p></div>` +
        `<p>It grew after 1850.${ref(2)}</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual(['The town was founded in 1201.', 'It grew after 1850.']);
  });

  it('a display:none copy that is no collapsed widget stays unread', () => {
    const r = scan(
      `<div class="print-only" style="display:none"><p>The town was founded in 1201.${ref(1)}</p></div>` +
        `<p>It grew after 1850.${ref(2)}</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual(['It grew after 1850.']);
  });
});
