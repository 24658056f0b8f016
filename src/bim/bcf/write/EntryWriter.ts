/**
 * Writing one entry of a .bcfzip: the values BCF 3.0's schemas constrain are checked on the way out, so a document
 * that would not validate is refused with INVALID_DOCUMENT naming the entry and the value — never written.
 */
import { bcfError } from '../BcfError';
import { COLOR, DATE_TIME, GUID, IFC_GUID } from '../patterns';
import type { BcfError } from '../BcfError';
import type { BcfVector } from '../types';
import type { XmlNode } from '../xml/writeXml';
import { element, leaf, serializeXml, XmlCharacterError } from '../xml/writeXml';


export class EntryWriter {
  constructor(readonly entry: string) {}

  fail(vi: string, en: string): BcfError {
    return bcfError('INVALID_DOCUMENT', this.entry, `Không ghi được "${this.entry}": ${vi}.`, `Cannot write "${this.entry}": ${en}.`);
  }

  /** The XML text; a character XML cannot carry is reported here, with the entry. */
  serialize(root: XmlNode): string {
    try {
      return serializeXml(root);
    } catch (error) {
      if (!(error instanceof XmlCharacterError)) throw error;
      throw this.fail(`văn bản có ký tự ${error.character} mà XML 1.0 không chứa được`, `a text holds the character ${error.character}, which XML 1.0 cannot carry`);
    }
  }

  /** BCF 3.0's NonEmptyOrBlankString. */
  text(value: string, what: string): string {
    if (value.trim() === '') throw this.fail(`${what} đang trống`, `${what} is blank`);
    return value;
  }

  optionalText(value: string | null, what: string): string | null {
    return value === null ? null : this.text(value, what);
  }

  guid(value: string, what: string): string {
    if (!GUID.test(value)) throw this.fail(`${what} "${value}" không phải GUID chữ thường`, `${what} "${value}" is not a lower-case GUID`);
    return value;
  }

  dateTime(value: string | null, what: string): string | null {
    if (value !== null && !DATE_TIME.test(value)) throw this.fail(`${what} "${value}" không phải ngày giờ xs:dateTime`, `${what} "${value}" is not an xs:dateTime`);
    return value;
  }

  ifcGuid(value: string | null, what: string): string | null {
    if (value !== null && !IFC_GUID.test(value)) throw this.fail(`${what} "${value}" không phải GlobalId IFC`, `${what} "${value}" is not an IFC GlobalId`);
    return value;
  }

  color(value: string): string {
    if (!COLOR.test(value)) throw this.fail(`màu "${value}" không phải RRGGBB hay AARRGGBB`, `the colour "${value}" is not RRGGBB or AARRGGBB`);
    return value;
  }

  number(value: number, what: string): string {
    if (!Number.isFinite(value)) throw this.fail(`${what} là ${value}, không phải số hữu hạn`, `${what} is ${value}, not a finite number`);
    return String(value);
  }

  int(value: number | null, what: string): string | null {
    if (value !== null && !(Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31)) throw this.fail(`${what} ${value} không phải số nguyên 32 bit`, `${what} ${value} is not a 32-bit integer`);
    return value === null ? null : String(value);
  }

  /** `<name><X/><Y/><Z/></name>`. */
  vector(name: string, value: BcfVector, what: string): XmlNode {
    return element(name, [], [leaf('X', this.number(value[0], what)), leaf('Y', this.number(value[1], what)), leaf('Z', this.number(value[2], what))]);
  }
}
