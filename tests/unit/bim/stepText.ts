/**
 * A minimal reader of ISO 10303-21 text, independent of web-ifc, for counts a test can compare with: the
 * entity records of the DATA section with their class and top-level arguments as raw text.
 */
export interface StepRecord {
  id: number;
  ifcClass: string;
  args: string[];
}

/** Splits the DATA section into records, honouring strings ('' escapes) and comments. */
export function stepRecords(text: string): StepRecord[] {
  const data = text.slice(text.indexOf('DATA;') + 5);
  const records: StepRecord[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === "'") {
        if (data[i + 1] === "'") i++;
        else inString = false;
      }
    } else if (c === "'") inString = true;
    else if (c === '/' && data[i + 1] === '*') i = data.indexOf('*/', i + 2) + 1;
    else if (c === ';') {
      const record = parseRecord(data.slice(start, i).replace(/\/\*[\s\S]*?\*\//g, '').trim());
      if (record) records.push(record);
      start = i + 1;
    }
  }
  return records;
}

function parseRecord(text: string): StepRecord | null {
  const match = /^#(\d+)\s*=\s*([A-Z0-9_]+)\s*\(([\s\S]*)\)$/i.exec(text);
  return match ? { id: Number(match[1]), ifcClass: match[2]!.toUpperCase(), args: splitArguments(match[3]!) } : null;
}

/** Top-level comma-separated arguments. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}
