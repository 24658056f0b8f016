/**
 * The submitted file's identity (Art. 21.3): lower-case hex SHA-256 of its bytes. `crypto.subtle` hashes off the
 * main thread in browsers, and the same function runs in Node tests.
 */
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
