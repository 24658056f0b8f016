/**
 * The submitted file's identity (Art. 21.3): lower-case hex SHA-256 of its bytes — the kernel the hash worker runs
 * (workers/sha256) and Node tests call. `crypto.subtle` where the context offers it; browsers offer it only in
 * secure contexts (https, localhost), and a city server reached over plain http on its LAN has none, so the
 * reference implementation below stands in, pausing every MiB so that a page running it stays responsive.
 */
export async function sha256Digest(bytes: ArrayBuffer): Promise<string> {
  if (!globalThis.crypto?.subtle) return sha256Reference(new Uint8Array(bytes));
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The first 32 bits of the fractional parts of the square (H0) and cube (K) roots of the first primes (FIPS 180-4 §4.2.2, §5.3.3). */
function rootFractions(count: number, root: number): Uint32Array {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return Uint32Array.from(primes, (p) => ((p ** (1 / root)) % 1) * 2 ** 32);
}

const K = rootFractions(64, 3);
const H0 = rootFractions(8, 2);
const BLOCKS_PER_PAUSE = (1 << 20) / 64;

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One 64-byte block into the state `h` (FIPS 180-4 §6.2.2); `w` is the message schedule, reused. */
function compress(h: Uint32Array, w: Uint32Array, view: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    w[i] = w[i - 16]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
  }
  let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = h[0]! + a;
  h[1] = h[1]! + b;
  h[2] = h[2]! + c;
  h[3] = h[3]! + d;
  h[4] = h[4]! + e;
  h[5] = h[5]! + f;
  h[6] = h[6]! + g;
  h[7] = h[7]! + k;
}

/** SHA-256 in plain TypeScript: the stand-in for `crypto.subtle`, and its reference in the tests. */
export async function sha256Reference(bytes: Uint8Array): Promise<string> {
  const h = H0.slice();
  const w = new Uint32Array(64);
  const blocks = Math.floor(bytes.length / 64);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let block = 0; block < blocks; block++) {
    compress(h, w, view, block * 64);
    if (block % BLOCKS_PER_PAUSE === BLOCKS_PER_PAUSE - 1) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Padding (§5.1.1): the rest, a 1 bit, zeros, and the length in bits as a 64-bit big-endian integer.
  const rest = bytes.length - blocks * 64;
  const tail = new Uint8Array(rest + 9 <= 64 ? 64 : 128);
  tail.set(bytes.subarray(blocks * 64));
  tail[rest] = 0x80;
  const tailView = new DataView(tail.buffer);
  tailView.setUint32(tail.length - 8, Math.floor(bytes.length / 2 ** 29));
  tailView.setUint32(tail.length - 4, (bytes.length * 8) >>> 0);
  for (let offset = 0; offset < tail.length; offset += 64) compress(h, w, tailView, offset);
  const digest = new Uint8Array(32);
  h.forEach((word, i) => new DataView(digest.buffer).setUint32(4 * i, word));
  return toHex(digest);
}
