/**
 * WKT (1 and 2, ISO 19162) as a tree of `KEYWORD[value, …]` nodes, read exactly enough to say where a broken
 * definition breaks and to write a part of it back out. Numbers keep their text, so nothing is rounded.
 */
import { CrsError } from '../CrsError';

export type WktValue =
  | { type: 'string'; text: string }
  | { type: 'number'; text: string }
  /** A bare word: an axis direction (`north`) or a CS type (`Cartesian`). */
  | { type: 'word'; text: string }
  | WktNode;

export interface WktNode {
  type: 'node';
  keyword: string;
  values: WktValue[];
}

function unparsable(detail: LocalizedDetail): CrsError {
  return new CrsError('UNPARSABLE_WKT', {
    vi: `Không đọc được WKT: ${detail.vi}.`,
    en: `Could not read the WKT: ${detail.en}.`,
  });
}

interface LocalizedDetail {
  vi: string;
  en: string;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

/** A recursive-descent reader over one WKT text; `at` is the index of the next unread character. */
class WktReader {
  at = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  private where(): LocalizedDetail {
    const excerpt = this.text.slice(Math.max(0, this.at - 20), this.at + 20).replace(/\s+/g, ' ');
    return { vi: `ở ký tự ${this.at + 1} (…${excerpt}…)`, en: `at character ${this.at + 1} (…${excerpt}…)` };
  }

  node(): WktNode {
    this.skipSpace();
    const keyword = WORD.exec(this.text.slice(this.at))?.[0];
    if (!keyword) throw unparsable(this.expected('một từ khóa như PROJCRS[', 'a keyword such as PROJCRS['));
    this.at += keyword.length;
    this.skipSpace();
    const open = this.text[this.at];
    if (open !== '[' && open !== '(') throw unparsable(this.expected(`"[" sau ${keyword}`, `"[" after ${keyword}`));
    this.at++;
    const values: WktValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.at >= this.text.length) {
        throw unparsable({ vi: `văn bản kết thúc khi ${keyword}[ chưa đóng`, en: `the text ends inside ${keyword}[` });
      }
      const next = this.text[this.at];
      if ((next === ']' || next === ')') && values.length > 0) break;
      values.push(this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== ']' && this.text[this.at] !== ')' && this.at < this.text.length) {
        throw unparsable(this.expected('"," hoặc "]"', '"," or "]"'));
      }
    }
    this.at++;
    return { type: 'node', keyword: keyword.toUpperCase(), values };
  }

  private value(): WktValue {
    const rest = this.text.slice(this.at);
    if (rest.startsWith('"')) return { type: 'string', text: this.quoted() };
    const number = NUMBER.exec(rest)?.[0];
    if (number) {
      this.at += number.length;
      return { type: 'number', text: number };
    }
    const word = WORD.exec(rest)?.[0];
    if (!word) throw unparsable(this.expected('một giá trị', 'a value'));
    const after = this.text.slice(this.at + word.length).trimStart();
    if (after.startsWith('[') || after.startsWith('(')) return this.node();
    this.at += word.length;
    return { type: 'word', text: word };
  }

  /** A double-quoted string; `""` inside stands for one quote (ISO 19162 §6.3.4). */
  private quoted(): string {
    let text = '';
    for (let i = this.at + 1; i < this.text.length; i++) {
      const char = this.text[i]!;
      if (char !== '"') text += char;
      else if (this.text[i + 1] === '"') text += this.text[++i];
      else {
        this.at = i + 1;
        return text;
      }
    }
    throw unparsable({ vi: 'một chuỗi trong ngoặc kép không được đóng', en: 'a quoted string is never closed' });
  }

  private expected(vi: string, en: string): LocalizedDetail {
    const where = this.where();
    return { vi: `cần ${vi} ${where.vi}`, en: `expected ${en} ${where.en}` };
  }

  end(): void {
    this.skipSpace();
    if (this.at < this.text.length) {
      throw unparsable({ vi: `còn văn bản thừa ${this.where().vi}`, en: `unexpected text ${this.where().en}` });
    }
  }
}

/** Parses one WKT definition; throws `CrsError('UNPARSABLE_WKT')` naming the character where it breaks. */
export function parseWkt(text: string): WktNode {
  const reader = new WktReader(text);
  const root = reader.node();
  reader.end();
  return root;
}

/** Writes a node back as WKT text (for proj4's own WKT reader). */
export function formatWkt(node: WktNode): string {
  const values = node.values.map((value) => {
    if (value.type === 'node') return formatWkt(value);
    return value.type === 'string' ? `"${value.text.replaceAll('"', '""')}"` : value.text;
  });
  return `${node.keyword}[${values.join(',')}]`;
}

/** The child nodes of `node` with one of the keywords. */
export function childNodes(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.values.filter((value): value is WktNode => value.type === 'node' && keywords.includes(value.keyword));
}

export function childNode(node: WktNode, ...keywords: string[]): WktNode | undefined {
  return childNodes(node, ...keywords)[0];
}

/** The first quoted string of a node: the name of a CRS, datum or method. */
export function nodeName(node: WktNode): string {
  const first = node.values[0];
  return first?.type === 'string' ? first.text : '';
}

/** The number values of a node, in order (TOWGS84's seven, a PARAMETER's one). */
export function nodeNumbers(node: WktNode): number[] {
  return node.values.filter((value) => value.type === 'number').map((value) => Number(value.text));
}

/** The EPSG code of a node's own `ID["EPSG",n]` (WKT2) or `AUTHORITY["EPSG","n"]` (WKT1), if it has one. */
export function epsgCodeOf(node: WktNode): number | undefined {
  for (const id of childNodes(node, 'ID', 'AUTHORITY')) {
    const [authority, code] = id.values;
    if (authority?.type === 'string' && authority.text.toUpperCase() === 'EPSG' && code && code.type !== 'node') {
      const value = Number(code.text);
      if (Number.isInteger(value)) return value;
    }
  }
  return undefined;
}
