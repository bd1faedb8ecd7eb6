/** How a page's bytes are decoded: the order a browser follows (BOM, HTTP charset, <meta> prescan, UTF-8). */
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  charsetFromMetaContent,
  decodeAs,
  decodeHtml,
  htmlEncoding,
  prescanEncoding,
} from '../../../src/core/fetch/encoding';

const ascii = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => {
  const all = parts.flatMap((p) => Array.from(p));
  return Uint8Array.from(all);
};

describe('the encoding a browser would use', () => {
  it('a byte order mark wins over the HTTP charset and the <meta>', () => {
    const meta = ascii('<meta charset="windows-1252"><p>x</p>');
    expect(htmlEncoding(cat([0xef, 0xbb, 0xbf], meta), 'text/html; charset=shift_jis')).toEqual({
      encoding: 'utf-8',
      source: 'bom',
    });
    expect(htmlEncoding(cat([0xff, 0xfe], meta), null).encoding).toBe('utf-16le');
    expect(htmlEncoding(cat([0xfe, 0xff], meta), null).encoding).toBe('utf-16be');
  });

  it('the HTTP charset wins over the <meta>, in any of its spellings', () => {
    const page = ascii('<meta charset="utf-8"><p>x</p>');
    expect(htmlEncoding(page, 'text/html; charset=Shift_JIS')).toEqual({
      encoding: 'shift_jis',
      source: 'http',
    });
    expect(htmlEncoding(page, 'text/html;charset="EUC-KR"').encoding).toBe('euc-kr');
    expect(htmlEncoding(page, 'text/html; Charset = gb2312').encoding).toBe('gbk');
    // A label no decoder knows is as good as none: the <meta> decides.
    expect(htmlEncoding(page, 'text/html; charset=klingon')).toEqual({ encoding: 'utf-8', source: 'meta' });
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('reads <meta charset> and <meta http-equiv="Content-Type"> as the prescan does', () => {
    expect(prescanEncoding(ascii('<meta charset="EUC-JP">'))).toBe('euc-jp');
    expect(prescanEncoding(ascii('<META CHARSET=big5>'))).toBe('big5');
    expect(prescanEncoding(ascii("<meta charset='x-sjis'/>"))).toBe('shift_jis');
    expect(
      prescanEncoding(ascii('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">')),
    ).toBe('iso-8859-2');
    expect(prescanEncoding(ascii("<meta content='text/html;charset=gb2312' http-equiv=content-type>"))).toBe(
      'gbk',
    );
    // A content= without the http-equiv pragma says nothing.
    expect(prescanEncoding(ascii('<meta name="x" content="text/html; charset=big5">'))).toBeNull();
    // UTF-16 named in a page that was read as ASCII bytes cannot be right: UTF-8.
    expect(prescanEncoding(ascii('<meta charset="utf-16">'))).toBe('utf-8');
    expect(prescanEncoding(ascii('<meta charset="x-user-defined">'))).toBe('windows-1252');
  });

  it('skips comments, other tags and quoted attribute values', () => {
    expect(prescanEncoding(ascii('<!-- <meta charset="koi8-r"> --><meta charset="euc-kr">'))).toBe('euc-kr');
    expect(prescanEncoding(ascii('<!--><meta charset="big5">'))).toBe('big5');
    expect(prescanEncoding(ascii('<link title="a>b <meta charset=big5>"><meta charset="gbk">'))).toBe('gbk');
    expect(prescanEncoding(ascii('<?xml version="1.0"?><!DOCTYPE html><meta charset="euc-jp">'))).toBe(
      'euc-jp',
    );
    expect(prescanEncoding(ascii('<metadata charset="big5"><p>no</p>'))).toBeNull();
  });

  it('looks at the first 1024 bytes, and on through a long head to <body> (as Chromium does)', () => {
    const late = ascii(`<head><script>${' '.repeat(2000)}</script><meta charset="euc-jp"></head><body>`);
    expect(prescanEncoding(late)).toBeNull();
    expect(htmlEncoding(late, null)).toEqual({ encoding: 'euc-jp', source: 'meta' });
    const inBody = ascii(`<head></head><body>${' '.repeat(2000)}<meta charset="euc-jp">`);
    expect(htmlEncoding(inBody, null).source).toBe('utf-8');
  });

  it('finds the charset in a content value as the standard says', () => {
    expect(charsetFromMetaContent('text/html; charset=utf-8')).toBe('utf-8');
    expect(charsetFromMetaContent('text/html; charset = "big5"')).toBe('big5');
    expect(charsetFromMetaContent('text/html; charset="big5')).toBeNull();
    expect(charsetFromMetaContent('charsetx; charset=euc-kr')).toBe('euc-kr');
    expect(charsetFromMetaContent('text/html')).toBeNull();
  });
});

describe('decoding', () => {
  it('decodes each legacy encoding of the web', () => {
    // 日本 in EUC-JP and Shift_JIS, 中文 in GBK, 中文 in Big5, 한국 in EUC-KR.
    expect(decodeHtml(cat(ascii('<meta charset=euc-jp>'), [0xc6, 0xfc, 0xcb, 0xdc]), null)).toContain('日本');
    expect(decodeHtml(cat(ascii('<meta charset=shift_jis>'), [0x93, 0xfa, 0x96, 0x7b]), null)).toContain(
      '日本',
    );
    expect(decodeHtml(cat(ascii('<meta charset=gbk>'), [0xd6, 0xd0, 0xce, 0xc4]), null)).toContain('中文');
    expect(decodeHtml(cat(ascii('<meta charset=big5>'), [0xa4, 0xa4, 0xa4, 0xe5]), null)).toContain('中文');
    expect(decodeHtml(cat(ascii('<meta charset=euc-kr>'), [0xc7, 0xd1, 0xb1, 0xb9]), null)).toContain('한국');
    expect(decodeHtml(cat(ascii('<meta charset=iso-8859-2>'), [0xa3, 0xf3, 0x64, 0xbc]), null)).toContain(
      'Łódź',
    );
  });

  it('reads windows-1252 (and "iso-8859-1") with its own characters at 0x80-0x9F', () => {
    const bytes = Uint8Array.from([0x80, 0x92, 0x93, 0x94, 0x96, 0x97, 0x85, 0x9f, 0xe9]);
    expect(decodeAs(bytes, 'windows-1252')).toBe('€’“”–—…Ÿé');
    expect(decodeHtml(cat(ascii('<meta charset="iso-8859-1">'), bytes), null)).toContain('€’“”–—…Ÿé');
  });

  it('with nothing declared: UTF-8, and windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeHtml(ascii('<p>Köln — 東京</p>'), null)).toBe('<p>Köln — 東京</p>');
    expect(decodeHtml(cat(ascii('<p>K'), [0xf6], ascii('ln</p>')), null)).toBe('<p>Köln</p>');
  });
});
