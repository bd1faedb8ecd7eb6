/**
 * Localised strings from `_locales/<lang>/messages.json`, with the keys checked against the English file. Counts
 * choose their form by the plural rules of the language the strings are in (./plural.ts).
 */
import browser from 'webextension-polyfill';
import type english from '../../public/_locales/en/messages.json';
import { pluralKey } from './plural';

export type MessageKey = keyof typeof english;

/** Messages with one key per plural category: the `<base>` of each `<base>_other`. */
export type PluralMessage = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language of the messages in use: the `_locales` folder the browser picked, which is not always the
 * browser's own language (a German browser gets the English strings, and so English plural rules).
 */
export function messagesLocale(): string {
  const locale = browser.i18n.getMessage('locale');
  return locale || 'en';
}

/** A number as the messages' language writes it ("1 000 000", "1,5" in French). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(messagesLocale()).format(value);
}

/**
 * The form of `base` for `count` ("1 claim", "41 claims"; "0 affirmation" in French): `$1` is the count, as
 * the language writes it; `rest` are `$2`, `$3`, ….
 */
export function plural(base: PluralMessage, count: number, ...rest: string[]): string {
  const substitutions = [formatNumber(count), ...rest];
  const key = pluralKey(base, messagesLocale(), count);
  return browser.i18n.getMessage(key, substitutions) || t(`${base}_other` as MessageKey, substitutions);
}

/** Declares an extension page's language as the messages' own (the HTML says "en" before the strings load). */
export function declareLanguage(doc: Document): void {
  doc.documentElement.lang = messagesLocale();
}
