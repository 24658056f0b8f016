/**
 * The byte source web-ifc pulls the file from. web-ifc looks its FILE_SCHEMA up in a fixed list of names
 * (IFC2X3, IFC4, IFC4X3 and some IFC4X3 drafts); files say IFC2X3_TC1, IFC4_ADD2_TC1 … for the same schemas.
 * For those we hand web-ifc the header with the family name, padded with blanks to the same length (STEP allows
 * white space between tokens), so no offset in the file moves and nothing else is copied.
 */
const WEB_IFC_NAMES = new Set(['IFC2X3', 'IFC4', 'IFC4X3', 'IFC4X3_RC1', 'IFC4X3_RC2', 'IFC4X3_RC3', 'IFC4X3_RC4', 'IFC4X3_ADD1', 'IFC4X3_ADD2']);

const FAMILY = (identifier: string) => (identifier.startsWith('IFC4X3') ? 'IFC4X3' : identifier.startsWith('IFC4') ? 'IFC4' : 'IFC2X3');

export type ByteReader = (offset: number, size: number) => Uint8Array;

export function webIfcSchemaReader(bytes: Uint8Array, schemaIdentifier: string): ByteReader {
  const plain: ByteReader = (offset, size) => bytes.subarray(offset, offset + size);
  if (WEB_IFC_NAMES.has(schemaIdentifier)) return plain;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  const match = new RegExp(`(FILE_SCHEMA\\s*\\(\\s*\\(\\s*')(${schemaIdentifier})'`, 'i').exec(head);
  if (!match) return plain;
  const start = match.index + match[1]!.length;
  const family = FAMILY(schemaIdentifier);
  const replacement = `${family}'${' '.repeat(schemaIdentifier.length - family.length)}`;
  const patched = bytes.slice(0, start + replacement.length);
  for (let i = 0; i < replacement.length; i++) patched[start + i] = replacement.charCodeAt(i);
  return (offset, size) => {
    if (offset >= patched.length) return plain(offset, size);
    const end = Math.min(offset + size, patched.length);
    return patched.subarray(offset, end);
  };
}
