import { useCallback } from 'react';
import { useViewStore } from '../state';
import { render, translate, type Message, type MessageKey } from './i18n';

/** The translation function for the current language; components re-render when the language changes. */
export function useT() {
  const lang = useViewStore((s) => s.lang);
  return useCallback((key: MessageKey, params?: Message['params']) => translate(lang, key, params), [lang]);
}

export function useRender() {
  const lang = useViewStore((s) => s.lang);
  return useCallback((message: Message) => render(lang, message), [lang]);
}
