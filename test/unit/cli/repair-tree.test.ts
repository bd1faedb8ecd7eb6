/**
 * Pages linkedom used to parse to an empty body (issue 10, shape 8): markup before <body> that a browser puts
 * in its place. Two real pages (their fixture copies; provenance in test/fixtures/pages/SOURCES.tsv) and small
 * ones of each kind.
 */
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadPage, parseHtml } from '../../../src/cli/load-page';
import { repairTree } from '../../../src/cli/repair-tree';
import { FIXTURE_PAGES_DIR } from '../../support/fixture-pages';
import { runCli } from '../../support/run-cli';

const saved = (name: string) => join(FIXTURE_PAGES_DIR, name, 'source.html');

/** The document's top as markup, without the doctype. */
const top = (html: string) => parseHtml(html).documentElement.outerHTML;

describe('real pages a browser shows and linkedom left empty', () => {
  it('diem25: a <div id="holder"> opened before <body>', async () => {
    const page = await loadPage(saved('news-diem25-climate'));
    const body = page.document.body;
    expect(body.className).toContain('single-post');
    expect(body.firstElementChild?.id).toBe('holder');
    expect(body.textContent).toContain(
      'Recently, Ursula von der Leyen stated that the goal is to reach a 55% reduction of emission by 2030',
    );
    expect(page.document.documentElement.children).toHaveLength(2);
  });

  it('metrotimes: a <script> between </head> and <body>', async () => {
    const page = await loadPage(saved('news-metrotimes-mezcal'));
    expect(page.document.body.id).toBe('Content');
    expect(page.document.body.textContent).toContain('Mezcal');
    expect(page.document.head.querySelector('title')?.textContent).toContain('Mezcal');
    expect(page.document.documentElement.children).toHaveLength(2);
  });

  it('the CLI scans both instead of saying "has no text"', async () => {
    for (const name of ['news-diem25-climate', 'news-metrotimes-mezcal']) {
      const { code, err } = await runCli(['scan', saved(name)]);
      expect(err).toBe('');
      expect(code).toBe(0);
    }
  });
});

describe('the top of the tree a browser builds', () => {
  it('head elements between </head> and <body> go to the head', () => {
    expect(
      top(
        '<html><head><title>t</title></head><script>1</script><style>p{}</style><body><p>x</p></body></html>',
      ),
    ).toBe(
      '<html><head><title>t</title><script>1</script><style>p{}</style></head><body><p>x</p></body></html>',
    );
  });

  it('content before <body> starts the body; the <body> tag inside only gives its attributes', () => {
    expect(top('<html><head></head><div id="w"><body class="b" id="i"><p>x</p></body></div></html>')).toBe(
      '<html><head></head><body id="i" class="b"><div id="w"><p>x</p></div></body></html>',
    );
    expect(top('<html><head></head><p>early</p><body class="b"><p>x</p></body></html>')).toBe(
      '<html><head></head><body class="b"><p>early</p><p>x</p></body></html>',
    );
  });

  it('no <html>, no <head>, no <body>: all made', () => {
    expect(top('<p>hi</p>')).toBe('<html><head></head><body><p>hi</p></body></html>');
    expect(top('<!doctype html><title>t</title><p>x</p>')).toBe(
      '<html><head><title>t</title></head><body><p>x</p></body></html>',
    );
    expect(top('plain words <b>x</b>')).toBe('<html><head></head><body>plain words <b>x</b></body></html>');
  });

  it('content after </body> or </html> joins the body', () => {
    expect(top('<html><head></head><body><p>x</p></body></html><p>after</p>')).toBe(
      '<html><head></head><body><p>x</p><p>after</p></body></html>',
    );
    expect(top('<html><head></head><body><p>x</p></body><div>late</div></html>')).toBe(
      '<html><head></head><body><p>x</p><div>late</div></body></html>',
    );
  });

  it('the first thing in the head that is not a head element ends it', () => {
    expect(
      top(
        '<html><head><meta charset="utf-8"><div>a</div><script></script></head><body class="q"><p>b</p></body></html>',
      ),
    ).toBe(
      '<html><head><meta charset="utf-8"></head><body class="q"><div>a</div><script></script><p>b</p></body></html>',
    );
  });

  it('a second <head> or <html> tag inside the content is dropped, its children kept', () => {
    expect(
      top(
        '<html lang="en"><head></head><body><html class="x"><head><title>z</title></head><p>b</p></body></html>',
      ),
    ).toBe('<html class="x" lang="en"><head></head><body><title>z</title><p>b</p></body></html>');
  });

  it('leaves a well-formed page exactly as it is', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><div><p>x</p></div></body></html>';
    const doc = parseHTML(html).document as unknown as Document;
    const bodyBefore = doc.body;
    expect(repairTree(doc)).toBe(doc);
    expect(doc.body).toBe(bodyBefore);
    expect(doc.documentElement.outerHTML).toBe(html.replace('<!doctype html>', ''));
  });
});
