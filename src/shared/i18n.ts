/** Localised strings from `_locales/<lang>/messages.json`, with the keys checked against the English file. */
import browser from 'webextension-polyfill';
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** "1 claim" / "41 claims": English plural forms through two keys. */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return t(count === 1 ? one : many, String(count));
}
