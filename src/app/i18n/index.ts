/**
 * i18n: Vietnamese first, English second. Messages are plain dictionaries with `{param}` placeholders; a
 * message is carried through the app as `{ key, params }` (a `Message`), never as pre-rendered text, so a
 * language switch re-renders everything — notices and errors included.
 */
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type { MessageKey } from './vi';
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Message {
  key: MessageKey;
  params?: Record<string, string | number>;
}

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function render(lang: Lang, message: Message): string {
  return translate(lang, message.key, message.params);
}

/** Is `key` a message key? Used to translate keys built at run time (e.g. `prop.${name}`). */
export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}
