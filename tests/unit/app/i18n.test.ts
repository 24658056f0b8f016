import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/app/i18n/en';
import { vi } from '../../../src/app/i18n/vi';
import { translate } from '../../../src/app/i18n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(en[key]), key).toEqual(params(vi[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'error.layer.http', { status: 404, url: '/x' })).toBe('Could not load the data (HTTP 404) from /x.');
    expect(translate('vi', 'layers.visible', { name: 'Đường' })).toBe('Hiển thị lớp Đường');
  });

  it('leaves no user-facing literal text in components (every string goes through i18n)', () => {
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      // JSX text between tags that contains a letter, e.g. <p>Hello</p>; runs after an arrow's `=>` (a return
      // type such as `=> FormResult<T>`) or with code punctuation are TypeScript, not JSX text.
      const literals = [...text.matchAll(/(?<!=)>\s*([^<>{}\s][^<>{}]*[A-Za-zÀ-ỹ][^<>{}]*)</g)]
        .map((m) => m[1]!.trim())
        .filter((run) => !/[;=()]/.test(run));
      expect(literals, file).toEqual([]);
    }
  });
});
