/**
 * A small XML writer for BCF's element-only documents: elements with attributes and either children or text,
 * written in the order given (BCF requires the schemas' sequence order), two-space indented, UTF-8.
 */

export interface XmlNode {
  name: string;
  /** Attributes in writing order; null values are left out. */
  attributes: [string, string | null][];
  children: XmlNode[];
  text: string | null;
}

/** An element with children; null children (optional elements left out) are dropped. */
export function element(name: string, attributes: [string, string | null][], children: (XmlNode | null)[] = []): XmlNode {
  return { name, attributes, children: children.filter((child): child is XmlNode => child !== null), text: null };
}

/** A text-only element, or null when there is no text (so optional elements vanish). */
export function leaf(name: string, text: string | null): XmlNode | null {
  return text === null ? null : { name, attributes: [], children: [], text };
}

/** A list wrapper (`<Labels><Label>…`), or null when the list is empty: BCF 3.0 wrappers are all optional. */
export function list(name: string, items: XmlNode[]): XmlNode | null {
  return items.length === 0 ? null : element(name, [], items);
}

/** A character XML 1.0 cannot carry (§2.2 Char), found while writing. */
export class XmlCharacterError extends Error {
  override readonly name = 'XmlCharacterError';
  /** `U+0001`. */
  readonly character: string;
  constructor(codePoint: number) {
    const character = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    super(`${character} cannot be written in XML 1.0`);
    this.character = character;
  }
}

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function escape(value: string, inAttribute: boolean): string {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) throw new XmlCharacterError(bad[0].charCodeAt(0));
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Attribute values are normalised by every reader (newlines and tabs become spaces) unless written as references.
  return inAttribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped.replace(/\r/g, '&#13;');
}

function write(node: XmlNode, indent: string, out: string[]): void {
  const attributes = node.attributes
    .filter((attribute): attribute is [string, string] => attribute[1] !== null)
    .map(([name, value]) => ` ${name}="${escape(value, true)}"`)
    .join('');
  if (node.text !== null) out.push(`${indent}<${node.name}${attributes}>${escape(node.text, false)}</${node.name}>`);
  else if (node.children.length === 0) out.push(`${indent}<${node.name}${attributes}/>`);
  else {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) write(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

export function serializeXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
