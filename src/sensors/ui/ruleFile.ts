/** Rule sets and the audit log as downloadable .json files, and a picked .json file read back as a rule set. */
import { parseRuleSetText } from '../rules/parseRuleSet';
import type { RuleSet } from '../rules/types';

export function downloadJson(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `sao-quy-tac-2025-09-20.json`: dated, so exports do not overwrite each other. */
export const datedName = (stem: string, now = new Date()): string => `${stem}-${now.toISOString().slice(0, 10)}.json`;

/** Throws `RuleSetError` naming the field (or the line of a JSON syntax error). */
export async function readRuleSetFile(file: File): Promise<RuleSet> {
  return parseRuleSetText(await file.text());
}

/** The schema a downloaded set points at, so editors can validate it. */
export const withSchema = (ruleSet: RuleSet) => ({ $schema: 'https://sao.local/schemas/sensors/ruleSet.schema.json', ...ruleSet });
