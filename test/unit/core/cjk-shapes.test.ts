/**
 * Issue 10, shape 1: pages in languages written without spaces (Japanese, Chinese, Korean). Sentences end in
 * 。！？ or ． with no space after; markers follow the full stop (`[1]`, `［1］`, `〔1〕`, `*1`, `※1`, `注1`,
 * `[注1]`, `(1)`), ranges `[1-2]`; notes are paragraphs that open with the same label at the end, or a numbered
 * list under 参考文献 / 参考资料 / 脚注 / 注釈 / 出典 / 각주 / 참고 문헌. Each page below is written after what such
 * sites do (Japanese Wikipedia and blogs such as Hatena, Chinese wikis and news, Korean wikis and papers).
 */
import { describe, expect, it } from 'vitest';
import { claimSourceLabels, claimTexts, markerLabels, type Scanned, scan, sourceUrls } from './helpers';

const ja = (body: string) =>
  scan(`<html lang="ja"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
const zh = (body: string) =>
  scan(`<html lang="zh"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
const ko = (body: string) =>
  scan(`<html lang="ko"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);

const S1 = '富士山は日本で最も高い山である。';
const S2 = '琵琶湖は日本で最も大きい湖である。';
const S3 = '東京は日本の首都である。';
const U = (n: number) => `https://example.org/ja/${n}`;

/** Claims and the URL of each claim's sources, for a page whose sources have URLs. */
function claimsWithUrls(r: Scanned): [string, (string | null)[]][] {
  const urlOf = new Map(r.json.sources.map((s) => [s.id, s.url]));
  return r.json.claims.map((c) => [c.text, c.sources.map((id) => urlOf.get(id) ?? null)]);
}

describe('markers after 。 with the next sentence right after them', () => {
  it('[1] in plain text, notes as a list under 脚注', () => {
    const r = ja(
      `<p>${S1}[1]${S2}[2]${S3}</p><h2>脚注</h2><ol><li><a href="${U(1)}">国土地理院</a></li><li><a href="${U(2)}">滋賀県</a></li></ol>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('[1] linked in a sup (Japanese Wikipedia), notes under 出典', () => {
    const r = ja(
      `<p>${S1}<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup>${S2}<sup id="cite_ref-2"><a href="#cite_note-2">[2]</a></sup></p>` +
        `<h2>出典</h2><ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> <a href="${U(1)}">国土地理院「日本の山」</a></li>` +
        `<li id="cite_note-2"><a href="#cite_ref-2">^</a> <a href="${U(2)}">滋賀県「琵琶湖」</a></li></ol>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('full-width ［1］ and 〔2〕, notes under 参考文献', () => {
    const r = ja(
      `<p>${S1}［1］${S2}〔2〕${S3}</p><h3>参考文献</h3><ol><li>国土地理院 ${U(1)}</li><li>滋賀県 ${U(2)}</li></ol>`,
    );
    expect(claimTexts(r)).toEqual([S1, S2]);
    expect(markerLabels(r)).toEqual([['1'], ['2']]);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('full-width digits and a range: ［１］ and [2-3]', () => {
    const r = ja(
      `<p>${S1}［１］${S2}[2-3]</p><h2>注釈</h2><ol><li><a href="${U(1)}">一</a></li><li><a href="${U(2)}">二</a></li><li><a href="${U(3)}">三</a></li></ol>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2), U(3)]],
    ]);
  });

  it('a range [3-5] in Chinese, notes under 参考资料', () => {
    const r = zh(
      '<p>长江是中国最长的河流。[1]黄河是中国第二长的河流。[3-5]</p><h2>参考资料</h2><ol>' +
        [1, 2, 3, 4, 5].map((n) => `<li><a href="https://example.org/zh/${n}">资料${n}</a></li>`).join('') +
        '</ol>',
    );
    expect(claimTexts(r)).toEqual(['长江是中国最长的河流。', '黄河是中国第二长的河流。']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['3', '4', '5']]);
  });
});

describe('notes named *1, ※1, 注1', () => {
  it('*1 in a linked sup (Hatena blog), the note a paragraph opening with *1', () => {
    const r = ja(
      `<p>${S1}<sup><a href="#f-1" id="fn-1" class="footnote-ref">*1</a></sup>${S2}</p>` +
        `<div class="footnote"><p class="footnote"><a href="#fn-1" id="f-1">*1</a>：<span class="footnote-text">国土地理院 <a href="${U(1)}">${U(1)}</a></span></p></div>`,
    );
    expect(claimsWithUrls(r)).toEqual([[S1, [U(1)]]]);
  });

  it('*1 and *2 in plain text, notes as paragraphs at the end', () => {
    const r = ja(
      `<p>${S1}*1${S2}*2${S3}</p><p>*1 国土地理院「日本の山」 <a href="${U(1)}">${U(1)}</a></p><p>*2 滋賀県「琵琶湖」 <a href="${U(2)}">${U(2)}</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('※1 in plain text, notes as paragraphs with a full-width space', () => {
    const r = ja(
      `<p>${S1}※1</p><p>${S2}※2</p><hr><p>※1　国土地理院 <a href="${U(1)}">日本の山</a></p><p>※2　滋賀県 <a href="${U(2)}">琵琶湖</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('※1 in a sup, notes in a list under 注釈', () => {
    const r = ja(
      `<p>${S1}<sup>※1</sup>${S2}<sup>※2</sup></p><h2>注釈</h2><ul><li>※1 <a href="${U(1)}">国土地理院</a></li><li>※2 <a href="${U(2)}">滋賀県</a></li></ul>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('注1 after the full stop, notes as paragraphs opening with 注1', () => {
    const r = ja(
      `<p>${S1}注1${S2}注2</p><p>注1：国土地理院 <a href="${U(1)}">日本の山</a></p><p>注2：滋賀県 <a href="${U(2)}">琵琶湖</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('[注1] in brackets, notes under 脚注', () => {
    const r = ja(
      `<p>${S1}[注1]${S2}[注2]</p><h2>脚注</h2><p>[注1] <a href="${U(1)}">国土地理院</a></p><p>[注2] <a href="${U(2)}">滋賀県</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('注1 in a sup in Chinese, notes under 注释', () => {
    const r = zh(
      '<p>长江是中国最长的河流。<sup>注1</sup>黄河是中国第二长的河流。<sup>注2</sup></p><h2>注释</h2>' +
        '<p>注1 <a href="https://example.org/zh/1">水利部</a></p><p>注2 <a href="https://example.org/zh/2">黄委会</a></p>',
    );
    expect(claimsWithUrls(r)).toEqual([
      ['长江是中国最长的河流。', ['https://example.org/zh/1']],
      ['黄河是中国第二长的河流。', ['https://example.org/zh/2']],
    ]);
  });
});

describe('(1) after the full stop', () => {
  it('(1) and (2) in Japanese, notes as a list under 出典', () => {
    const r = ja(
      `<p>${S1}(1)${S2}(2)</p><h2>出典</h2><ol><li><a href="${U(1)}">一</a></li><li><a href="${U(2)}">二</a></li></ol>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('full-width （1） in Chinese, notes as paragraphs opening with （1）', () => {
    const r = zh(
      '<p>长江是中国最长的河流。（1）黄河是中国第二长的河流。（2）</p><h2>参考文献</h2>' +
        '<p>（1）<a href="https://example.org/zh/1">水利部</a></p><p>（2）<a href="https://example.org/zh/2">黄委会</a></p>',
    );
    expect(claimTexts(r)).toEqual(['长江是中国最长的河流。', '黄河是中国第二长的河流。']);
    expect(sourceUrls(r)).toEqual(['https://example.org/zh/1', 'https://example.org/zh/2']);
  });

  it('a (1) inside a sentence is no marker', () => {
    const r = ja(
      `<p>手順(1)を終えてから次に進む。${S1}</p><h2>出典</h2><ol><li><a href="${U(1)}">一</a></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([]);
  });
});

describe('Korean and the other endings', () => {
  it('Korean: [1] after a full stop, notes under 각주', () => {
    const r = ko(
      '<p>한라산은 남한에서 가장 높은 산이다.[1] 서울은 대한민국의 수도이다.[2]</p><h2>각주</h2><ol><li><a href="https://example.org/ko/1">국토지리정보원</a></li><li><a href="https://example.org/ko/2">서울시</a></li></ol>',
    );
    expect(claimTexts(r)).toEqual(['한라산은 남한에서 가장 높은 산이다.', '서울은 대한민국의 수도이다.']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('Korean: notes under 참고 문헌', () => {
    const r = ko(
      '<p>한라산은 남한에서 가장 높은 산이다.<sup>[1]</sup></p><h2>참고 문헌</h2><ol><li><a href="https://example.org/ko/1">국토지리정보원</a></li></ol>',
    );
    expect(claimSourceLabels(r)).toEqual([['1']]);
    expect(sourceUrls(r)).toEqual(['https://example.org/ko/1']);
  });

  it('！ ？ and full-width ． end sentences too', () => {
    const r = ja(
      `<p>これは本当だろうか？[1]実は本当なのだ！[2]山は高い．[3]</p><h2>脚注</h2><ol><li><a href="${U(1)}">一</a></li><li><a href="${U(2)}">二</a></li><li><a href="${U(3)}">三</a></li></ol>`,
    );
    expect(claimTexts(r)).toEqual(['これは本当だろうか？', '実は本当なのだ！', '山は高い．']);
  });
});

describe('more variants of each form', () => {
  const list = (n: number, heading = '脚注') =>
    `<h2>${heading}</h2><ol>${Array.from({ length: n }, (_, i) => `<li><a href="${U(i + 1)}">資料${i + 1}</a></li>`).join('')}</ol>`;

  it('［1］ in a sup, Chinese, notes under 参考资料', () => {
    const r = zh(
      '<p>长江是中国最长的河流。<sup>［1］</sup>黄河是中国第二长的河流。<sup>［2］</sup></p><h2>参考资料</h2><ol><li><a href="https://example.org/zh/1">一</a></li><li><a href="https://example.org/zh/2">二</a></li></ol>',
    );
    expect(claimTexts(r)).toEqual(['长江是中国最长的河流。', '黄河是中国第二长的河流。']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('〔1〕 before the full stop, and 〔2〕 after it, notes as paragraphs opening with 〔n〕', () => {
    const r = ja(
      `<p>富士山は日本で最も高い山である〔1〕。${S2}〔2〕</p><p>〔1〕<a href="${U(1)}">国土地理院</a></p><p>〔2〕<a href="${U(2)}">滋賀県</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      ['富士山は日本で最も高い山である。', [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('〔1〕 with full-width digits, notes under 注', () => {
    const r = ja(`<p>${S1}〔１〕${S2}〔２〕</p>${list(2, '注')}`);
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('full-width ＊1 in a sup, notes as paragraphs opening with ＊1', () => {
    const r = ja(`<p>${S1}<sup>＊1</sup>${S2}</p><p>＊1 <a href="${U(1)}">国土地理院</a></p>`);
    expect(claimsWithUrls(r)).toEqual([[S1, [U(1)]]]);
  });

  it('※1 right after a word inside the sentence', () => {
    const r = ja(
      `<p>東京都※1の人口は約千四百万人である。${S1}</p><p>※1 <a href="${U(1)}">東京都総務局</a></p>`,
    );
    expect(claimsWithUrls(r)).toEqual([['東京都の人口は約千四百万人である。', [U(1)]]]);
  });

  it('[注1] and [注2] in sups, notes in a list under 注釈 opening with [注n]', () => {
    const r = ja(
      `<p>${S1}<sup>[注1]</sup>${S2}<sup>[注2]</sup></p><h2>注釈</h2><ul><li>[注1] <a href="${U(1)}">一</a></li><li>[注2] <a href="${U(2)}">二</a></li></ul>`,
    );
    expect(claimsWithUrls(r)).toEqual([
      [S1, [U(1)]],
      [S2, [U(2)]],
    ]);
  });

  it('注1 after ！ and 注2 after ？, notes under 脚注', () => {
    const r = ja(`<p>山は高い！注1本当に高いのか？注2</p>${list(2)}`);
    expect(claimTexts(r)).toEqual(['山は高い！', '本当に高いのか？']);
    expect(claimSourceLabels(r)).toEqual([['1'], ['2']]);
  });

  it('(1) after the full stop in Chinese, notes under 参考文献 as a list', () => {
    const r = zh(
      '<p>长江是中国最长的河流。(1)</p><h2>参考文献</h2><ol><li><a href="https://example.org/zh/1">水利部</a></li></ol>',
    );
    expect(claimsWithUrls(r)).toEqual([['长江是中国最长的河流。', ['https://example.org/zh/1']]]);
  });

  it('a full-width range ［1－3］', () => {
    const r = ja(`<p>${S1}［1－3］</p>${list(3)}`);
    expect(claimsWithUrls(r)).toEqual([[S1, [U(1), U(2), U(3)]]]);
  });
});

describe('not markers', () => {
  it('an enumeration （1）…。（2）… with a reference list on the page', () => {
    const r = ja(
      `<p>（1）申請書を出す。（2）審査を受ける。</p><h2>出典</h2><ol><li><a href="${U(1)}">一</a></li><li><a href="${U(2)}">二</a></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([]);
  });

  it('受注1件 (an order) inside a sentence, 2*3 in Latin text', () => {
    const r = ja(
      `<p>今月は受注1件であった。計算は2*3である。</p><h2>出典</h2><ol><li><a href="${U(1)}">一</a></li><li><a href="${U(2)}">二</a></li><li><a href="${U(3)}">三</a></li></ol>`,
    );
    expect(claimTexts(r)).toEqual([]);
  });

  it('Latin text keeps its rules: (1) after a full stop and *1 stay plain', () => {
    const r = scan(
      '<p>The first step is done. (1) Then the second. The ratio was 2*1 in the trial.</p><h2>References</h2><ol><li><a href="https://example.org/1">One</a></li></ol>',
    );
    expect(claimTexts(r)).toEqual([]);
  });
});

// Seen on Chinese Wikipedia (猫, section 社會問題; fixture zhwiki-mobile-cat-reduced): punctuation next to a marker.
describe('punctuation around a marker, as real pages have it', () => {
  const notes = `<h2>参考资料</h2><ol class="references"><li id="cite_note-1"><a href="${U(1)}">一</a></li><li id="cite_note-2"><a href="${U(2)}">二</a></li></ol>`;
  const ref = (n: number) =>
    `<sup id="cite_ref-${n}" class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;

  it('a stray 。 typed after the marker of a sentence that had already ended is not part of its claim', () => {
    const r = zh(`<p>但TNR已逐漸成為說詞。${ref(1)}。</p><p>且數量不減反增。${ref(2)}。</p>${notes}`);
    expect(claimTexts(r)).toEqual(['但TNR已逐漸成為說詞。', '且數量不減反增。']);
  });

  it('the same in English: "end.[1]." reads "end."', () => {
    const r = scan(
      `<html lang="en"><body><p>Cats were kept in Egypt.${ref(1)}. Dogs came first.${ref(2)}</p>${notes}</body></html>`,
    );
    expect(claimTexts(r)).toEqual(['Cats were kept in Egypt.', 'Dogs came first.']);
  });

  it('no space is left before a full-width colon, comma or stop where the marker was', () => {
    const r = zh(
      `<p>2018年新西兰奥茂宜村庄打算发布禁猫令${ref(1)}：</p><p>据估计，猫在美国杀死大量鸟类${ref(2)}，影响很大。</p>${notes}`,
    );
    expect(claimTexts(r)).toEqual([
      '2018年新西兰奥茂宜村庄打算发布禁猫令：',
      '据估计，猫在美国杀死大量鸟类，影响很大。',
    ]);
  });

  it('a spaced ellipsis at the end of a sentence keeps its three stops (closed up, as before)', () => {
    const r = scan(`<html lang="en"><body><p>And so it went on . . .${ref(1)}</p>${notes}</body></html>`);
    expect(claimTexts(r)).toEqual(['And so it went on...']);
  });
});
