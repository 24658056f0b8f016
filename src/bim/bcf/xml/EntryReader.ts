/**
 * Reading one XML entry of a .bcfzip: parse (no DOCTYPE, so no entity is ever declared or expanded; strict UTF-8)
 * and typed accessors whose errors name the entry and the line. Elements are matched by local name: BCF uses no
 * namespace, and tools that add one still mean the same element.
 */
import type { XmlElement } from '../../ids/read/xmlTree';
import { parseXmlTree, XmlSyntaxError } from '../../ids/read/xmlTree';
import { bcfError } from '../BcfError';
import type { BcfError } from '../BcfError';
import { DATE_TIME, GUID, IFC_GUID } from '../patterns';
import type { BcfReadLimits, BcfVector, XsDateTime } from '../types';
import { megabytes } from '../zip/SafeZip';
import type { SafeZip } from '../zip/SafeZip';

export type { XmlElement };

/** BCF 3.0's Documentation allows the zone offset without its colon (`+0700`); it is read as `+07:00`. */
const COLONLESS_ZONE = /([+-]\d{2})(\d{2})$/;
/** xs:double's lexical space, less INF and NaN, which no camera or point can use. */
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export class EntryReader {
  readonly root: XmlElement;

  /** Reads and parses the zip entry `entry`, within the archive's XML limits. */
  static open(zip: SafeZip, entry: string): EntryReader {
    return new EntryReader(entry, zip.read(entry), zip.limits);
  }

  private constructor(
    readonly entry: string,
    bytes: Uint8Array,
    limits: BcfReadLimits,
  ) {
    checkXmlSize(entry, bytes, limits);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
      throw bcfError('XML_MALFORMED', entry, `"${entry}" không phải văn bản UTF-8 hợp lệ.`, `"${entry}" is not valid UTF-8 text.`, error);
    }
    try {
      this.root = parseXmlTree(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      if (error.doctype) {
        throw bcfError(
          'XML_DOCTYPE',
          entry,
          `"${entry}" có khai báo DOCTYPE (dòng ${error.line}); Sao từ chối để không thực thể XML nào được khai báo hay mở rộng.`,
          `"${entry}" has a DOCTYPE (line ${error.line}); Sao refuses it so that no XML entity is ever declared or expanded.`,
        );
      }
      throw bcfError(
        'XML_MALFORMED',
        entry,
        `"${entry}" không phải XML hợp lệ (dòng ${error.line}, cột ${error.column}): ${error.message}`,
        `"${entry}" is not well-formed XML (line ${error.line}, column ${error.column}): ${error.message}`,
      );
    }
  }

  /** INVALID_CONTENT naming the entry and the element's line. */
  fail(at: XmlElement, vi: string, en: string): BcfError {
    return bcfError('INVALID_CONTENT', this.entry, `"${this.entry}" (dòng ${at.line}): ${vi}.`, `"${this.entry}" (line ${at.line}): ${en}.`);
  }

  expectRoot(name: string): XmlElement {
    if (this.root.name !== name) throw this.fail(this.root, `phần tử gốc là <${this.root.name}>, cần <${name}>`, `the root element is <${this.root.name}>, expected <${name}>`);
    return this.root;
  }

  child(parent: XmlElement, name: string): XmlElement | undefined {
    return parent.children.find((child) => child.name === name);
  }

  children(parent: XmlElement | undefined, name: string): XmlElement[] {
    return parent ? parent.children.filter((child) => child.name === name) : [];
  }

  required(parent: XmlElement, name: string): XmlElement {
    const found = this.child(parent, name);
    if (!found) throw this.fail(parent, `<${parent.name}> thiếu phần tử <${name}>`, `<${parent.name}> has no <${name}>`);
    return found;
  }

  attribute(element: XmlElement, name: string): string | null {
    for (const attribute of element.attributes.values()) if (!attribute.namespace && attribute.local === name) return attribute.value;
    return null;
  }

  requiredAttribute(element: XmlElement, name: string): string {
    const value = this.attribute(element, name);
    if (value === null) throw this.fail(element, `<${element.name}> thiếu thuộc tính ${name}`, `<${element.name}> has no ${name} attribute`);
    return value;
  }

  /** Text of an optional child; an absent or blank element reads as null (BCF 3.0 strings are never blank). */
  text(parent: XmlElement, name: string): string | null {
    const found = this.child(parent, name);
    return found && found.text.trim() !== '' ? found.text : null;
  }

  requiredText(parent: XmlElement, name: string): string {
    return this.required(parent, name).text;
  }

  /** A GUID attribute (or element text), lower-cased as BCF 3.0 requires. */
  guid(element: XmlElement, value: string | null = this.requiredAttribute(element, 'Guid')): string {
    const guid = value?.trim().toLowerCase() ?? '';
    if (!GUID.test(guid)) throw this.fail(element, `"${value}" trong <${element.name}> không phải GUID`, `"${value}" in <${element.name}> is not a GUID`);
    return guid;
  }

  dateTime(parent: XmlElement, name: string): XsDateTime {
    const element = this.required(parent, name);
    const value = element.text.trim().replace(COLONLESS_ZONE, '$1:$2');
    if (!DATE_TIME.test(value)) throw this.fail(element, `"${element.text}" trong <${name}> không phải ngày giờ xs:dateTime`, `"${element.text}" in <${name}> is not an xs:dateTime`);
    return value;
  }

  optionalDateTime(parent: XmlElement, name: string): XsDateTime | null {
    return this.text(parent, name) === null ? null : this.dateTime(parent, name);
  }

  double(parent: XmlElement, name: string): number {
    const element = this.required(parent, name);
    const text = element.text.trim();
    if (!DOUBLE.test(text)) throw this.fail(element, `"${element.text}" trong <${name}> không phải số`, `"${element.text}" in <${name}> is not a number`);
    return Number(text);
  }

  /** xs:int: an optional sort index. */
  optionalInt(parent: XmlElement, name: string): number | null {
    const element = this.child(parent, name);
    if (!element || element.text.trim() === '') return null;
    const value = Number(element.text.trim());
    if (!/^[+-]?\d+$/.test(element.text.trim()) || value < -(2 ** 31) || value >= 2 ** 31) {
      throw this.fail(element, `"${element.text}" trong <${name}> không phải số nguyên`, `"${element.text}" in <${name}> is not an integer`);
    }
    return value;
  }

  vector(parent: XmlElement, name: string): BcfVector {
    const element = this.required(parent, name);
    return [this.double(element, 'X'), this.double(element, 'Y'), this.double(element, 'Z')];
  }

  boolean(element: XmlElement, name: string, fallback: boolean): boolean {
    const value = this.attribute(element, name)?.trim();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw this.fail(element, `thuộc tính ${name}="${value}" không phải true/false`, `the attribute ${name}="${value}" is not true/false`);
  }

  /** An IFC GlobalId attribute (22 characters of IFC's base-64), or null when absent. */
  ifcGuid(element: XmlElement, name: string): string | null {
    const value = this.attribute(element, name)?.trim();
    if (value === undefined || value === '') return null;
    if (!IFC_GUID.test(value)) throw this.fail(element, `${name}="${value}" không phải GlobalId IFC (22 ký tự)`, `${name}="${value}" is not an IFC GlobalId (22 characters)`);
    return value;
  }
}

/** The element tree of a small file is small; a file of millions of tiny tags would fill memory while parsed. */
function checkXmlSize(entry: string, bytes: Uint8Array, limits: BcfReadLimits): void {
  if (bytes.length > limits.maxXmlBytes) {
    throw bcfError('TOO_LARGE', entry, `"${entry}" dài ${megabytes(bytes.length)}, vượt giới hạn ${megabytes(limits.maxXmlBytes)} cho một tệp XML.`, `"${entry}" is ${megabytes(bytes.length)}, over the ${megabytes(limits.maxXmlBytes)} limit for one XML file.`);
  }
  let tags = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x3c) tags++;
  if (tags > limits.maxXmlTags) {
    throw bcfError('TOO_LARGE', entry, `"${entry}" có ${tags} thẻ XML, vượt giới hạn ${limits.maxXmlTags}.`, `"${entry}" has ${tags} XML tags, over the limit of ${limits.maxXmlTags}.`);
  }
}
