/**
 * `citelens scan` reads a page in any encoding of the web as a browser would (issue 10, shape 8): from a file
 * (its BOM or its <meta>) and from a server (its HTTP charset first). The pages are in test/fixtures/encodings
 * (written by make.py there); each holds one cited sentence, which must come back as the claim, letter for letter.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '../../../src/cli/load-page';
import { runCli } from '../../support/run-cli';

const DIR = join(__dirname, '../../fixtures/encodings');
const file = (name: string) => join(DIR, `${name}.html`);

/** The sentence each page cites and its title, as make.py wrote them. */
const PAGES: [name: string, title: string, sentence: string][] = [
  ['ja-euc-jp', '富士山の標高', '富士山の標高は三七七六メートルである。'],
  ['ja-shift-jis', '東京の人口', '東京都の人口は約千四百万人である。'],
  ['zh-gbk', '长江', '据王堃考证，长江全长约六千三百公里，是中国最长的河流。'],
  ['zh-gb18030', '古籍', '《说文解字》收字九千三百五十三个，“𠀀”字不在其中。'],
  ['zh-tw-big5', '臺灣', '玉山是臺灣最高的山峰。'],
  ['ko-euc-kr', '한라산', '한라산은 남한에서 가장 높은 산이다.'],
  ['fr-windows-1252', 'Café', 'Le prix du café a augmenté de 12 € en 2021 – d’après l’Insee.'],
  ['pl-iso-8859-2', 'Łódź', 'Łódź liczy około 660 tysięcy mieszkańców, według źródła GUS.'],
  ['el-iso-8859-7', 'Αθήνα', 'Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.'],
  ['ru-windows-1251', 'Байкал', 'Байкал — самое глубокое озеро на Земле.'],
  ['utf16le-bom', '大阪', '大阪は商人の町である。'],
  ['utf8-bom-wrong-meta', 'Köln', 'Der Kölner Dom ist 157 Meter hoch.'],
  ['meta-after-comment', '서울', '서울은 대한민국의 수도이다.'],
  ['ja-late-meta', '奈良', '奈良の大仏は七五二年に開眼した。'],
  ['undeclared-windows-1252', 'Años', 'El año pasado la inflación llegó al 8 %, según el INE.'],
];

describe('a file in each encoding', () => {
  it.each(PAGES)('%s: the cited sentence comes back as written', async (name, title, sentence) => {
    const { code, out, err } = await runCli(['scan', file(name), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.title).toBe(title);
    expect(report.claims.map((c: { text: string }) => c.text)).toEqual([sentence]);
    expect(report.sources).toHaveLength(1);
  });
});

describe('a fetched page: the HTTP charset first', () => {
  let server: Server;
  let base = '';
  const served: Record<string, [contentType: string, page: string]> = {
    // Nothing in the page says Shift_JIS: only the header does.
    '/undeclared': ['text/html; charset=Shift_JIS', 'ja-shift-jis-undeclared'],
    // The header names GBK (quoted, another label): the page's gb2312 agrees, but the header decides.
    '/quoted': ['text/html;charset="GBK"', 'zh-gbk'],
    // No charset in the header: the page's <meta http-equiv> decides.
    '/meta': ['text/html', 'ja-euc-jp'],
    // The header is wrong but a byte order mark is there: the BOM wins.
    '/bom': ['text/html; charset=iso-8859-1', 'utf8-bom-wrong-meta'],
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const entry = served[req.url ?? ''];
      if (!entry) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': entry[0] });
      res.end(readFileSync(file(entry[1])));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it.each([
    ['/undeclared', '京都は千年以上日本の都であった。'],
    ['/quoted', '据王堃考证，长江全长约六千三百公里，是中国最长的河流。'],
    ['/meta', '富士山の標高は三七七六メートルである。'],
    ['/bom', 'Der Kölner Dom ist 157 Meter hoch.'],
  ])('%s', async (path, sentence) => {
    const page = await loadPage(`${base}${path}`);
    expect(page.document.body.textContent).toContain(sentence);
  });
});
