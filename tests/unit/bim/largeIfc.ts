/** A large, valid IFC file made in memory: a sample's DATA section repeated with renumbered entities. */
import { sampleBytes } from './ifcSamples';

export function inflatedIfc(file: string, targetBytes: number): Uint8Array {
  const encoder = new TextEncoder();
  const text = new TextDecoder('latin1').decode(sampleBytes(file));
  const head = encoder.encode(text.slice(0, text.indexOf('DATA;') + 5));
  const tail = encoder.encode('ENDSEC;\nEND-ISO-10303-21;\n');
  // The DATA section as literal pieces between references (#id), encoded once.
  const pieces = text.slice(text.indexOf('DATA;') + 5, text.lastIndexOf('ENDSEC;')).split(/#(\d+)/);
  const literals = pieces.filter((_, i) => i % 2 === 0).map((piece) => encoder.encode(piece));
  const ids = pieces.filter((_, i) => i % 2 === 1).map(Number);
  const stride = 10 ** String(ids.reduce((max, id) => Math.max(max, id), 0)).length;
  const copyBytes = literals.reduce((sum, literal) => sum + literal.length, 0) + ids.length * (2 + String(stride).length);
  const copies = Math.ceil(targetBytes / copyBytes);
  const out = new Uint8Array(head.length + tail.length + copies * (copyBytes + ids.length * 3));
  out.set(head);
  let at = head.length;
  const digits = new Uint8Array(16);
  for (let copy = 0; copy < copies; copy++) {
    for (let i = 0; i < literals.length; i++) {
      out.set(literals[i]!, at);
      at += literals[i]!.length;
      if (i >= ids.length) continue;
      out[at++] = 0x23; // '#'
      let id = ids[i]! + copy * stride;
      let length = 0;
      do {
        digits[length++] = 0x30 + (id % 10);
        id = Math.floor(id / 10);
      } while (id > 0);
      while (length > 0) out[at++] = digits[--length]!;
    }
  }
  out.set(tail, at);
  return out.slice(0, at + tail.length);
}
