import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a person reading the page wrote down as its citations (docs/fixture-format.md). */
export interface ExpectedPage {
  page: string;
  notes?: string;
  claims: { text: string; markers: string[] }[];
  sources: { label: string; url: string | null; title?: string }[];
  /** News pages: the sentences of the article that link to another site, each with its links' targets. */
  linked?: { notes?: string; claims: { text: string; links: string[] }[] };
  /**
   * What the scanner is known to get wrong on this page, written down so that any change, better or worse, shows:
   * the fixture test compares it exactly (`npm run eval -- --write-known-misses` rewrites it after a reviewed change).
   */
  knownMisses?: KnownMisses;
  /** The citation shapes of issue 10 the page shows (1-7): `npm run eval` reports each shape's pages together. */
  shapes?: number[];
}

/** A page's known misses (test/support/fixture-scores.ts computes them; empty parts are left out). */
export interface KnownMisses {
  /** Markers expected but not found, and found but not expected. */
  markers?: { missed: number; extra: number };
  /** Claim sentences expected but not found, and found but not expected. */
  claims?: { missed: string[]; extra: string[] };
  /** Sources whose link is not the expected one: their label and the link found (null: none). */
  links?: { label: string; got: string | null }[];
  /** News pages' linked claims: missed and extra sentences, and expected links not found on a matched sentence. */
  linked?: { missed: string[]; extra: string[]; links: string[] };
}

export interface FixturePage {
  name: string;
  dir: string;
  html: string;
  expected: ExpectedPage;
}

export const FIXTURE_PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages');

/** Every fixture page folder that has both its source and its expectations. */
export function loadFixturePages(): FixturePage[] {
  return readdirSync(FIXTURE_PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(FIXTURE_PAGES_DIR, d.name))
    .filter((dir) => existsSync(join(dir, 'source.html')) && existsSync(join(dir, 'expected.json')))
    .sort()
    .map((dir) => ({
      name: dir.split('/').pop() ?? dir,
      dir,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedPage,
    }));
}
