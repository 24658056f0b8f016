/** Node: scenario files relative to the scenario's folder; `*` and `?` glob within a file name. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ScenarioFiles } from '../prepare';

export function nodeScenarioFiles(folder: string): ScenarioFiles {
  const at = (path: string): string => resolve(folder, path);
  return {
    read: async (path) => new Uint8Array(await readFile(at(path))),
    exists: async (path) => existsSync(at(path)),
    expand: async (pattern) => {
      const name = basename(pattern);
      if (!/[*?]/.test(name)) return existsSync(at(pattern)) ? [pattern] : [];
      const regex = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      const entries = await readdir(at(dirname(pattern))).catch(() => [] as string[]);
      return entries.filter((entry) => regex.test(entry)).sort().map((entry) => join(dirname(pattern), entry));
    },
  };
}
