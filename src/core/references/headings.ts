import { foldWhitespace, tagOf } from '../dom/node-kinds';

/**
 * Words that head a reference list, in English, German, French, Spanish, Italian, Portuguese and Dutch.
 * A heading counts when one of them is its first word ("References and notes", "2. Quellen:", "Notes et références").
 */
const REFERENCE_WORDS = [
  'references?',
  'reference list',
  'sources?',
  'notes?',
  'footnotes?',
  'endnotes?',
  'bibliography',
  'citations?',
  'works cited',
  'literature',
  'further sources',
  // de
  'quellen(?:angaben|verzeichnis)?',
  'einzelnachweise',
  'anmerkungen',
  'fu(?:ß|ss)noten',
  'literatur(?:verzeichnis|angaben)?',
  'belege',
  'nachweise',
  'referenzen',
  // fr
  'r[ée]f[ée]rences?',
  'notes et r[ée]f[ée]rences',
  'bibliographie',
  // es
  'referencias',
  'notas',
  'fuentes',
  'bibliograf[íi]a',
  'citas',
  // it
  'note',
  'fonti',
  'riferimenti(?: bibliografici)?',
  'bibliografia',
  // pt
  'refer[êe]ncias',
  'fontes',
  // nl
  'bronnen',
  'bronvermelding',
  'referenties',
  'noten',
  'voetnoten',
  'eindnoten',
  'literatuur',
];

/** The same in Japanese, Chinese and Korean, where no word boundary follows: "脚注・出典", "参考资料". */
const CJK_REFERENCE_WORDS = [
  '参考文献',
  '參考文獻',
  '参考资料',
  '參考資料',
  '参考資料',
  '引用文献',
  '脚注',
  '腳註',
  '注釈',
  '注释',
  '註釋',
  '出典',
  '出处',
  '出處',
  '(?:注|註)(?=\\s*$)',
  '각주',
  '참고\\s?문헌',
  '출처',
  '주석',
];

export const REFERENCE_HEADING = new RegExp(
  `^(?:[\\dIVX]+(?:\\.\\d+)*\\.?\\s+)?(?:(?:${REFERENCE_WORDS.join('|')})(?:\\b|$)|${CJK_REFERENCE_WORDS.join('|')})[^.!?]{0,30}$`,
  'i',
);

const HEADING_TAGS = /^h[1-6]$/;

/** The heading level: 1–6 for h-tags, 7 for a paragraph or caption acting as a heading. */
export function headingLevel(el: Element): number {
  const tag = tagOf(el);
  return HEADING_TAGS.test(tag) ? Number(tag[1]) : 7;
}

/** Whether `el` is a heading (or a short bold line acting as one) that names a reference list. */
export function isReferenceHeading(el: Element): boolean {
  const tag = tagOf(el);
  // A paragraph or div is a heading only when it holds a single short run of text: cheap to rule out before reading it.
  if ((tag === 'p' || tag === 'div') && (el.childElementCount > 1 || (el.textContent ?? '').length > 60))
    return false;
  const text = foldWhitespace(el.textContent ?? '').replace(/[:：]\s*$/, '');
  if (!text || text.length > 50 || !REFERENCE_HEADING.test(text)) return false;
  if (HEADING_TAGS.test(tag) || tag === 'summary' || tag === 'caption' || tag === 'dt' || tag === 'header')
    return true;
  if (tag === 'p' || tag === 'div') {
    // A paragraph that is nothing but bold or italic text acting as a heading: <p><strong>Quellen:</strong></p>.
    const strong = el.querySelector('strong, b, em, i, u');
    return !!strong && foldWhitespace(strong.textContent ?? '').replace(/[:：]\s*$/, '') === text;
  }
  return false;
}

export function isAnyHeading(el: Element): boolean {
  return HEADING_TAGS.test(tagOf(el));
}
