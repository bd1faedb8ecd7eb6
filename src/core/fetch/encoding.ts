/**
 * The character encoding a browser decodes an HTML page with, from its bytes and its HTTP Content-Type:
 * the byte order mark, then the HTTP charset, then the page's own `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` found by the WHATWG prescan of its first 1024 bytes
 * (HTML, "determining the character encoding"). TextDecoder knows every WHATWG label (Shift_JIS, EUC-JP, GBK,
 * GB18030, Big5, EUC-KR, windows-125x, ISO-8859-x, KOI8…) in browsers and in Node built with full ICU.
 */

/** How many bytes the prescan reads, as the standard and Firefox do. */
export const PRESCAN_BYTES = 1024;
/** How far Chromium goes on looking for a `<meta>` through a long head (up to `<body>`), when the first 1024 bytes name none. */
export const HEAD_SCAN_BYTES = 65536;

/** The WHATWG name of an encoding label, or null for a label no decoder knows (or `replacement`). */
export function encodingForLabel(label: string): string | null {
  const trimmed = label.trim();
  if (!trimmed) return null;
  // Node's decoder does not know x-user-defined; a page that names it is read as windows-1252 (as after a <meta>).
  if (trimmed.toLowerCase() === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The `charset` parameter of a Content-Type, as an encoding name; null when absent or unknown. */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const label = m?.[1] ?? m?.[2];
  return label ? encodingForLabel(label) : null;
}

const isSpace = (b: number | undefined) => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;
const isLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);

/** A `<meta>` naming UTF-16 is wrong on its face (the prescan read it as ASCII bytes): UTF-8 instead. */
function metaEncoding(name: string | null): string | null {
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  return name;
}

/** "Extracting a character encoding from a meta element": the charset named in a `content` value. */
export function charsetFromMetaContent(content: string): string | null {
  let from = 0;
  for (;;) {
    const at = content.toLowerCase().indexOf('charset', from);
    if (at < 0) return null;
    let i = at + 7;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    if (content[i] !== '=') {
      from = i;
      continue;
    }
    i++;
    while (i < content.length && /[\t\n\f\r ]/.test(content[i] ?? '')) i++;
    const c = content[i];
    if (c === undefined) return null;
    if (c === '"' || c === "'") {
      const end = content.indexOf(c, i + 1);
      return end < 0 ? null : encodingForLabel(content.slice(i + 1, end));
    }
    const rest = content.slice(i);
    return encodingForLabel(rest.slice(0, rest.search(/[\t\n\f\r ;]|$/)));
  }
}

/** The WHATWG prescan: the encoding a `<meta>` in the first bytes declares, or null. */
export function prescanEncoding(bytes: Uint8Array, limit = PRESCAN_BYTES): string | null {
  const end = Math.min(bytes.length, limit);
  let pos = 0;
  const at = (i: number) => (i < end ? bytes[i] : undefined);
  const startsWith = (i: number, ascii: string) => {
    for (let k = 0; k < ascii.length; k++) if (lower(at(i + k) ?? -1) !== ascii.charCodeAt(k)) return false;
    return true;
  };

  /** "Get an attribute": advances `pos`; null when there is none (or the bytes ran out). */
  const getAttribute = (): { name: string; value: string } | null | 'end' => {
    while (isSpace(at(pos)) || at(pos) === 0x2f) pos++;
    if (pos >= end) return 'end';
    if (at(pos) === 0x3e) return null;
    let name = '';
    let value = '';
    for (;;) {
      const b = at(pos);
      if (b === undefined) return 'end';
      if (b === 0x3d && name) {
        pos++;
        break;
      }
      if (isSpace(b)) {
        while (isSpace(at(pos))) pos++;
        if (at(pos) === undefined) return 'end';
        if (at(pos) !== 0x3d) return { name, value };
        pos++;
        break;
      }
      if (b === 0x2f || b === 0x3e) return { name, value };
      name += String.fromCharCode(lower(b));
      pos++;
    }
    while (isSpace(at(pos))) pos++;
    const q = at(pos);
    if (q === undefined) return 'end';
    if (q === 0x22 || q === 0x27) {
      for (;;) {
        pos++;
        const b = at(pos);
        if (b === undefined) return 'end';
        if (b === q) {
          pos++;
          return { name, value };
        }
        value += String.fromCharCode(lower(b));
      }
    }
    if (q === 0x3e) return null;
    value += String.fromCharCode(lower(q));
    pos++;
    for (;;) {
      const b = at(pos);
      if (b === undefined) return 'end';
      if (isSpace(b) || b === 0x3e) return { name, value };
      value += String.fromCharCode(lower(b));
      pos++;
    }
  };

  while (pos < end) {
    if (startsWith(pos, '<!--')) {
      // The end is the first `-->` whose `--` may be the comment's own opening dashes (`<!-->`).
      let i = pos + 2;
      while (i + 2 < end && !(bytes[i] === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x3e)) i++;
      if (i + 2 >= end) return null;
      pos = i + 3;
      continue;
    }
    if (startsWith(pos, '<meta') && (isSpace(at(pos + 5)) || at(pos + 5) === 0x2f)) {
      pos += 6;
      const seen = new Set<string>();
      let gotPragma = false;
      let needPragma: boolean | null = null;
      let charset: string | null = null;
      for (;;) {
        const attr = getAttribute();
        if (attr === 'end') return null;
        if (attr === null) break;
        if (seen.has(attr.name)) continue;
        seen.add(attr.name);
        if (attr.name === 'http-equiv') {
          if (attr.value === 'content-type') gotPragma = true;
        } else if (attr.name === 'content') {
          if (charset === null) {
            const found = charsetFromMetaContent(attr.value);
            if (found !== null) {
              charset = found;
              needPragma = true;
            }
          }
        } else if (attr.name === 'charset') {
          charset = encodingForLabel(attr.value);
          needPragma = false;
        }
      }
      if (needPragma !== null && !(needPragma && !gotPragma) && charset !== null)
        return metaEncoding(charset);
      pos++;
      continue;
    }
    if (at(pos) === 0x3c && (isLetter(at(pos + 1)) || (at(pos + 1) === 0x2f && isLetter(at(pos + 2))))) {
      // Any other tag: skip its name, then its attributes (a `>` inside a quoted value does not end it).
      while (pos < end && !isSpace(at(pos)) && at(pos) !== 0x3e) pos++;
      for (;;) {
        const attr = getAttribute();
        if (attr === 'end') return null;
        if (attr === null) break;
      }
      pos++;
      continue;
    }
    if (at(pos) === 0x3c && (at(pos + 1) === 0x21 || at(pos + 1) === 0x2f || at(pos + 1) === 0x3f)) {
      while (pos < end && at(pos) !== 0x3e) pos++;
      pos++;
      continue;
    }
    pos++;
  }
  return null;
}

/** Bytes before the first `<body` (within HEAD_SCAN_BYTES): a head full of scripts can push its `<meta>` far down. */
function headLength(bytes: Uint8Array): number {
  const start = new TextDecoder('windows-1252').decode(bytes.subarray(0, HEAD_SCAN_BYTES));
  const body = start.search(/<body[\s>/]/i);
  return body < 0 ? start.length : body;
}

export type EncodingSource = 'bom' | 'http' | 'meta' | 'utf-8' | 'fallback';

/** Which encoding a browser would decode these bytes with, and what decided it. */
export function htmlEncoding(
  bytes: Uint8Array,
  contentType: string | null,
): { encoding: string; source: EncodingSource } {
  const bom = fromBom(bytes);
  if (bom) return { encoding: bom, source: 'bom' };
  const http = charsetFromContentType(contentType);
  if (http) return { encoding: http, source: 'http' };
  const meta = prescanEncoding(bytes) ?? prescanEncoding(bytes, headLength(bytes));
  if (meta) return { encoding: meta, source: 'meta' };
  return { encoding: 'utf-8', source: 'utf-8' };
}

/** windows-1252's bytes 0x80-0x9F (WHATWG index), where it differs from ISO-8859-1. */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes with a WHATWG encoding name. Node 20.18.3+ and 22.13+ decode windows-1252 (and so every "latin1" and
 * "iso-8859-1" label) as ISO-8859-1, leaving 0x80-0x9F as control characters (nodejs/node#56542, #60888):
 * they are mapped here, which changes nothing where the platform's decoder is right.
 */
export function decodeAs(bytes: Uint8Array, encoding: string, fatal = false): string {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * The page's text as a browser would read it. With nothing declared, UTF-8; bytes that are not UTF-8 at all are
 * read as windows-1252, the fallback browsers use for most locales, rather than as rows of U+FFFD.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const { encoding, source } = htmlEncoding(bytes, contentType);
  if (source === 'utf-8') {
    try {
      return decodeAs(bytes, 'utf-8', true);
    } catch {
      return decodeAs(bytes, 'windows-1252');
    }
  }
  return decodeAs(bytes, encoding);
}
