import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import {
  addedNodeMightCite,
  HintWalk,
  mightHaveCitations,
  mightHaveLinkedClaims,
  mightHaveMarkers,
  quickTest,
} from '../../../src/core/page-hints';
import { declaredUrl, pageUrl } from '../../../src/core/page-info';
import { loadFixturePages } from '../../support/fixture-pages';
import { page } from './helpers';

const SHARED_PAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'pages');

function doc(body: string) {
  return parseHtml(page(body));
}

const at = { pageUrl: 'https://news.example/2024/story' };

describe('the idle test (src/core/page-hints.ts)', () => {
  describe('on the fixture pages', () => {
    const pages = loadFixturePages();
    it('has them', () => expect(pages.length).toBeGreaterThanOrEqual(35));
    for (const fixture of pages) {
      const d = parseHtml(fixture.html);
      if (fixture.expected.claims.length > 0) {
        it(`${fixture.name}: expected claims, so "maybe"`, () => {
          expect(mightHaveMarkers(d.body)).toBe(true);
          expect(mightHaveCitations(d, { pageUrl: pageUrl(d, undefined) })).toBe(true);
          expect(quickTest(d.body, { links: false })).toBe(true);
        });
      } else {
        it(`${fixture.name}: no marker claims expected, and the marker scan finds none either way`, () => {
          expect(scanDocument(d, { links: false }).claims).toEqual([]);
        });
      }
      it(`${fixture.name}: the native test says "maybe" wherever the scan finds a claim, linked ones too`, () => {
        const url = pageUrl(d, undefined);
        const found = scanDocument(d, { url, siteOf: siteByPublicSuffix }).claims.length > 0;
        // The declared address read only when needed, as the content script passes it.
        const options = { pageUrl: url, declaredUrl: () => declaredUrl(d) };
        expect(!found || quickTest(d.body, options)).toBe(true);
      });
      it(`${fixture.name}: on any part of the page, the native test never says "no" where the walk says "maybe"`, () => {
        // The parts a page adds later are such subtrees: the content script tests them with quickTest.
        const options = { pageUrl: pageUrl(d, undefined), declaredUrl: declaredUrl(d) };
        const parts = Array.from(
          d.body.querySelectorAll('p, li, sup, a, span, label, details, button, section'),
        );
        let walkSaidMaybe = 0;
        for (const part of parts.slice(0, 400)) {
          if (!new HintWalk(part, options).run()) continue;
          walkSaidMaybe++;
          expect(quickTest(part, options), part.outerHTML.slice(0, 200)).toBe(true);
        }
        if (fixture.expected.claims.length > 0) expect(walkSaidMaybe).toBeGreaterThan(0);
      });
    }
  });

  function parseSaved(name: string): Document {
    return parseHtml(readFileSync(join(SHARED_PAGES, name), 'utf8'));
  }
  const news = readdirSync(SHARED_PAGES).filter((f) => f.startsWith('news-'));

  describe('on the saved news pages whose articles cite nothing (news-neg-*)', () => {
    const names = news.filter((f) => f.startsWith('news-neg-'));
    it('has them', () => expect(names.length).toBeGreaterThanOrEqual(5));
    for (const name of names) {
      it(`${name}: "no"`, () => {
        const d = parseSaved(name);
        expect(mightHaveMarkers(d.body)).toBe(false);
        // Served from elsewhere, as in the browser bench and the end-to-end tests.
        const copy = { pageUrl: 'http://127.0.0.1/saved', declaredUrl: declaredUrl(d) };
        expect(mightHaveCitations(d, copy)).toBe(false);
        expect(quickTest(d.body, copy)).toBe(false);
      });
    }
  });

  describe('on the saved news pages whose articles link to other sites', () => {
    const LEFT_OUT = new Set([
      // Read by hand: the review's body links to no other site (only "Follow us" accounts, share buttons, menus).
      'news-metrotimes-mezcal.html',
      // linkedom parses this page's body as an empty <body> beside a stray second one (a browser does not).
      'news-diem25-climate.html',
    ]);
    const names = news.filter((f) => !f.startsWith('news-neg-') && !LEFT_OUT.has(f));
    it('has them', () => expect(names.length).toBeGreaterThanOrEqual(20));
    for (const name of names) {
      it(`${name}: "maybe"`, () => {
        const d = parseSaved(name);
        expect(mightHaveCitations(d, { pageUrl: pageUrl(d, undefined) })).toBe(true);
        expect(quickTest(d.body, { pageUrl: pageUrl(d, undefined) })).toBe(true);
      });
    }
  });

  describe('markers', () => {
    it('reads no script, style or code text', () => {
      const scripts = doc(
        '<p>Plain prose.</p><script>var a = b[1]; window.x = {"k": ["v"]};</script><style>a::after{content:"[1]"}</style><pre><code>items[0]</code></pre>',
      );
      expect(quickTest(scripts.body, { links: false })).toBe(false);
      const d = doc(
        '<p>Plain prose.</p><script>var a = b[1]; window.x = {"k": ["v"]};</script><style>a::after{content:"[1]"}</style><pre><code>items[0]</code></pre>',
      );
      expect(mightHaveMarkers(d.body)).toBe(false);
    });
    it('takes a lone bracket for nothing, a bracketed run for a hint', () => {
      expect(mightHaveMarkers(doc('<p>A price [ rises</p>').body)).toBe(false);
      expect(mightHaveMarkers(doc('<p>It rose.[1]</p>').body)).toBe(true);
      expect(mightHaveMarkers(doc('<p>It rose.[<a href="#fn2">2</a>]</p>').body)).toBe(true);
      expect(mightHaveMarkers(doc('<p>It rose.³</p>').body)).toBe(true);
    });
    it('sees a marker in prose when a script holds the same text (the cut of its text lands on the prose)', () => {
      const d = doc('<p>It rose.[1]</p><script>[1]</script>');
      expect(quickTest(d.body, { links: false })).toBe(true);
      expect(quickTest(doc('<p>It rose.</p><script>[1]</script>').body, { links: false })).toBe(false);
    });
    it('reads the text of scripts, styles and code only to find no marker in them', () => {
      const d = doc('<p>Plain prose.</p><pre><code>items[0] = list[1];</code></pre><button>*1</button>');
      expect(quickTest(d.body, { links: false })).toBe(false);
      expect(quickTest(doc('<p>Plain prose.</p><pre>It rose.[2]</pre>').body, { links: false })).toBe(true);
    });
    it('sees prose after a script whose text ends in an open bracket', () => {
      expect(mightHaveMarkers(doc('<script>var s = "[";</script><p>It rose.[1]</p>').body)).toBe(true);
    });
    it('takes a search form label for nothing, a sidenote number for a hint', () => {
      expect(mightHaveMarkers(doc('<form><label for="q">Search</label><input id="q"></form>').body)).toBe(
        false,
      );
      expect(
        mightHaveMarkers(
          doc(
            '<p>Text<label for="sn-1" class="margin-toggle sidenote-number"></label><input type="checkbox" id="sn-1"><span class="sidenote">A note.</span></p>',
          ).body,
        ),
      ).toBe(true);
    });
    it('sees superscripts and marker-sized same-page links', () => {
      expect(mightHaveMarkers(doc('<p>Text<sup>1</sup></p>').body)).toBe(true);
      expect(mightHaveMarkers(doc('<p>Text <a href="#fn1">1</a></p>').body)).toBe(true);
      expect(mightHaveMarkers(doc('<p><a href="#top">Back to the top of the page</a></p>').body)).toBe(false);
    });
  });

  describe('the walk', () => {
    it('sees a located reference whose link is inside the brackets', () => {
      expect(
        mightHaveMarkers(
          doc('<p>As defined in [HTTP, <a href="https://w.example/rfc9110">Section 7.2</a>].</p>').body,
        ),
      ).toBe(true);
    });
    it('answers in steps of a given number of nodes, at the first hint', () => {
      const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Plain paragraph ${i}.</p>`).join('');
      const idle = new HintWalk(doc(paragraphs).body);
      let steps = 0;
      let answer: boolean | null = null;
      while (answer === null) {
        answer = idle.step(10);
        steps++;
      }
      expect(answer).toBe(false);
      expect(steps).toBeGreaterThan(5);
      const cited = new HintWalk(doc(`<p>It rose.[1]</p>${paragraphs}`).body);
      expect(cited.step(10)).toBe(true);
    });
    it('starts again when the page removes the part it was walking', () => {
      const d = doc('<div id="gone"><p>One.</p><p>Two.</p><p>Three.</p></div><p>Cited.[1]</p>');
      const walk = new HintWalk(d.body);
      expect(walk.step(4)).toBe(null);
      d.getElementById('gone')?.remove();
      let answer: boolean | null = null;
      while (answer === null) answer = walk.step(4);
      expect(answer).toBe(true);
    });
  });

  describe('linked claims', () => {
    it('sees a link to another site inside a paragraph', () => {
      const d = doc('<p>The study <a href="https://journal.example/paper">found a rise</a> in cases.</p>');
      expect(mightHaveLinkedClaims(d.body, at)).toBe(true);
      expect(mightHaveCitations(d, at)).toBe(true);
    });
    it('takes links to the page own host, relative links and fragments for nothing', () => {
      const d = doc(
        '<p>See <a href="https://www.news.example/earlier">our earlier story</a>, <a href="/more">more</a> and <a href="#x">this</a> for details.</p>',
      );
      expect(mightHaveLinkedClaims(d.body, at)).toBe(false);
      expect(mightHaveLinkedClaims(d.body, { ...at, countOwnSiteLinks: true })).toBe(true);
    });
    it('takes the host a page declares for itself as its own (a copy served from elsewhere)', () => {
      const d = doc('<p>See <a href="https://news.example/earlier">our earlier story</a> on this.</p>');
      const copy = { pageUrl: 'http://127.0.0.1:8080/saved' };
      expect(mightHaveLinkedClaims(d.body, copy)).toBe(true);
      expect(mightHaveLinkedClaims(d.body, { ...copy, declaredUrl: 'https://www.news.example/story' })).toBe(
        false,
      );
    });
    it('reads the address the page declares only for a link to another host than its own', () => {
      let reads = 0;
      const declared = () => {
        reads++;
        return 'https://www.news.example/story';
      };
      const own = doc('<p>See <a href="https://news.example/earlier">our earlier story</a> on this.</p>');
      expect(quickTest(own.body, { pageUrl: 'https://news.example/story', declaredUrl: declared })).toBe(
        false,
      );
      expect(reads).toBe(0);
      const copy = { pageUrl: 'http://127.0.0.1:8080/saved', declaredUrl: declared };
      expect(quickTest(own.body, copy)).toBe(false);
      expect(reads).toBe(1);
      const out = doc('<p>The study <a href="https://journal.example/paper">found a rise</a> in cases.</p>');
      expect(quickTest(out.body, copy)).toBe(true);
    });
    it('takes menus, navigation, headers and footers for nothing', () => {
      const d = doc(
        '<nav><p>Our <a href="https://other.example/">partner</a> site is here.</p></nav><ul><li><a href="https://other.example/">Other</a></li></ul><footer><p>Privacy: <a href="https://privacy.example/">policy</a> applies.</p></footer>',
      );
      expect(mightHaveLinkedClaims(d.body, at)).toBe(false);
    });
  });

  describe('content that arrives later', () => {
    it('a ticker is nothing; a paragraph with a marker or an outside link is something', () => {
      const d = doc('<p id="tick">12:00:01</p><div id="feed"></div><script></script>');
      const tick = d.getElementById('tick') as Element;
      tick.textContent = '12:00:02';
      expect(addedNodeMightCite(tick.firstChild as Node, at)).toBe(false);
      const script = d.querySelector('script') as Element;
      script.textContent = 'x = a[1];';
      expect(addedNodeMightCite(script.firstChild as Node, at)).toBe(false);
      const feed = d.getElementById('feed') as Element;
      feed.innerHTML = '<p>A late claim.[3]</p>';
      expect(addedNodeMightCite(feed.firstChild as Node, at)).toBe(true);
      feed.innerHTML = '<p>A late story, <a href="https://source.example/a">says a source</a>.</p>';
      expect(addedNodeMightCite(feed.firstChild as Node, at)).toBe(true);
      feed.innerHTML = '<p>Only words.</p>';
      expect(addedNodeMightCite(feed.firstChild as Node, at)).toBe(false);
    });
    it('new words in a paragraph are something only around a link to another site', () => {
      const d = doc(
        '<p id="clock">Updated <span id="t">12:00</span></p><p id="cited">The agency <a href="https://agency.example/r">reported</a> <span id="u"></span></p>',
      );
      const time = d.getElementById('t') as Element;
      time.textContent = '12:01';
      expect(addedNodeMightCite(time.firstChild as Node, at)).toBe(false);
      const words = d.getElementById('u') as Element;
      words.textContent = 'a rise in cases.';
      expect(addedNodeMightCite(words.firstChild as Node, at)).toBe(true);
    });
    it('a link added inside an existing paragraph is something', () => {
      const d = doc('<p id="p">The agency said so in <span id="s"></span> yesterday.</p>');
      const span = d.getElementById('s') as Element;
      span.innerHTML = '<a href="https://agency.example/report">a report</a>';
      expect(addedNodeMightCite(span.firstChild as Node, at)).toBe(true);
    });
  });
});
