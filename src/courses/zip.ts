import { setImmediate as nextTurn } from "node:timers/promises";
import zlib from "node:zlib";

/**
 * A zip reader for uploads, which an attacker controls. Entries are listed from the central
 * directory; each one is inflated on its own, as a stream, by zlib on libuv's thread pool (the
 * event loop keeps serving requests), and the bytes it actually produces are counted: an entry
 * that inflates past the size its headers declare is stopped there, and one whose size or CRC-32
 * does not match its headers is refused.
 */

/** One file or folder of the archive, as the central directory describes it. */
export interface ZipEntry {
  /** Decoded: UTF-8 when flagged or valid as such, else code page 437, as zip tools do. */
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  /** The declared uncompressed size. */
  size: number;
  localOffset: number;
}

/** Why an archive or one of its entries is refused; `entry` names the entry, when there is one. */
export class ZipError extends Error {
  override name = "ZipError";
  constructor(
    readonly code: "invalid" | "too_large",
    message: string,
    readonly entry?: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const MAX32 = 0xffffffff;
/** How much a stored entry is checked at a time before the event loop gets a turn. */
const SLICE = 1024 * 1024;

function fail(message: string, entry?: string): never {
  throw new ZipError("invalid", message, entry);
}

/** The archive's entries, from its central directory; refuses more than `maxEntries`. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0) fail("archives split over several files are not supported");
  if (count === 0xffff || offset === MAX32) ({ count, offset } = readZip64End(view, end));
  if (count > maxEntries) throw new ZipError("too_large", `the archive has more than ${maxEntries} entries`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = readCentralEntry(bytes, view, offset);
    entries.push(entry.entry);
    offset = entry.next;
  }
  return entries;
}

/** The end record: its signature, where its comment (up to 64 KiB) ends with the file. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    // A comment may hold the signature's bytes; only the real record's comment ends the file.
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) === view.byteLength)
      return at;
  }
  return fail("the upload is not a readable zip archive");
}

function readZip64End(view: DataView, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) fail("the zip64 end record is missing");
  const at = safeNumber(view.getBigUint64(locator + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD)
    fail("the zip64 end record is damaged");
  return {
    count: safeNumber(view.getBigUint64(at + 32, true)),
    offset: safeNumber(view.getBigUint64(at + 48, true)),
  };
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail("the archive declares an impossible size");
  return Number(value);
}

function readCentralEntry(bytes: Uint8Array, view: DataView, at: number): { entry: ZipEntry; next: number } {
  if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL)
    fail("the central directory is damaged");
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > view.byteLength) fail("the central directory is damaged");
  const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
  const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
  const flags = view.getUint16(at + 8, true);
  const entry: ZipEntry = {
    name: decodeName(rawName, flags, extra),
    rawName,
    flags,
    method: view.getUint16(at + 10, true),
    crc32: view.getUint32(at + 16, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localOffset: view.getUint32(at + 42, true),
  };
  applyZip64(entry, extra);
  return { entry, next };
}

/** Fields of the zip64 extra block (id 1), present only for the 32-bit fields set to all ones. */
function applyZip64(entry: ZipEntry, extra: Uint8Array): void {
  const block = extraBlock(extra, 0x0001);
  if (!block) return;
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let at = 0;
  const take = (): number => {
    if (at + 8 > block.byteLength) fail("a zip64 extra field is cut short", entry.name);
    const value = safeNumber(view.getBigUint64(at, true));
    at += 8;
    return value;
  };
  if (entry.size === MAX32) entry.size = take();
  if (entry.compressedSize === MAX32) entry.compressedSize = take();
  if (entry.localOffset === MAX32) entry.localOffset = take();
}

function extraBlock(extra: Uint8Array, id: number): Uint8Array | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const length = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) === id)
      return extra.subarray(at + 4, Math.min(at + 4 + length, extra.byteLength));
    at += 4 + length;
  }
  return undefined;
}

// Code page 437's upper half, the encoding zip names have when they are not flagged as UTF-8.
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌" +
  "█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeName(raw: Uint8Array, flags: number, extra: Uint8Array): string {
  if (flags & FLAG_UTF8) return new TextDecoder("utf-8").decode(raw);
  // Info-ZIP's Unicode path field: the UTF-8 name, valid while the header name is unchanged.
  const unicode = extraBlock(extra, 0x7075);
  if (unicode && unicode.byteLength > 5 && unicode[0] === 1) {
    const view = new DataView(unicode.buffer, unicode.byteOffset, unicode.byteLength);
    if (view.getUint32(1, true) === crc32(raw, 0))
      return new TextDecoder("utf-8").decode(unicode.subarray(5));
  }
  try {
    return utf8.decode(raw);
  } catch {
    return Array.from(raw, (byte) =>
      byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80],
    ).join("");
  }
}

/**
 * The bytes of one entry, checked against its headers. Stops inflating as soon as the output
 * passes the declared size or `budget` (what the upload may still hold): past the budget is
 * "too_large", past the declared size (or short of it, or a CRC-32 mismatch) is "invalid".
 */
export async function extractEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Promise<Uint8Array> {
  const data = entryData(bytes, entry);
  if (entry.size > budget)
    throw new ZipError("too_large", "it would take the material over its limit", entry.name);
  if (entry.method === STORED) {
    if (data.byteLength !== entry.size)
      fail(`it is stored uncompressed as ${data.byteLength} bytes but declares ${entry.size}`, entry.name);
    await checkCrc(entry, data);
    return data.slice(); // not a view that would keep the whole upload alive
  }
  if (entry.method !== DEFLATED)
    fail(`it uses an unsupported compression method (${entry.method})`, entry.name);
  return inflateChecked(entry, data);
}

/** The entry's compressed bytes, after checking its local header agrees with the directory. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL)
    fail("its local header is missing", entry.name);
  if (entry.flags & FLAG_ENCRYPTED) fail("it is encrypted", entry.name);
  const nameLength = view.getUint16(at + 26, true);
  const start = at + 30 + nameLength + view.getUint16(at + 28, true);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  if (Buffer.compare(localName, entry.rawName) !== 0) fail("its local header names another file", entry.name);
  if (!(view.getUint16(at + 6, true) & FLAG_DATA_DESCRIPTOR)) {
    const localCrc = view.getUint32(at + 14, true);
    const localCompressed = view.getUint32(at + 18, true);
    const localSize = view.getUint32(at + 22, true);
    const sizesAgree =
      (localCompressed === MAX32 || localCompressed === entry.compressedSize) &&
      (localSize === MAX32 || localSize === entry.size);
    if (localCrc !== entry.crc32 || !sizesAgree)
      fail("its local header and the central directory disagree on its size or CRC-32", entry.name);
  }
  if (start + entry.compressedSize > bytes.byteLength) fail("its data is cut short", entry.name);
  return bytes.subarray(start, start + entry.compressedSize);
}

async function inflateChecked(entry: ZipEntry, data: Uint8Array): Promise<Uint8Array> {
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  const parts: Buffer[] = [];
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.byteLength;
      if (produced > entry.size)
        fail(`it inflates to more than the ${entry.size} bytes it declares`, entry.name);
      crc = crc32(chunk, crc);
      parts.push(chunk);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    fail("its compressed data is damaged", entry.name);
  } finally {
    inflate.destroy();
  }
  if (produced !== entry.size)
    fail(`it inflates to ${produced} bytes but declares ${entry.size}`, entry.name);
  if (crc !== entry.crc32) fail("its CRC-32 does not match its contents", entry.name);
  return new Uint8Array(Buffer.concat(parts, produced));
}

async function checkCrc(entry: ZipEntry, data: Uint8Array): Promise<void> {
  let crc = 0;
  for (let at = 0; at < data.byteLength; at += SLICE) {
    crc = crc32(data.subarray(at, at + SLICE), crc);
    if (at + SLICE < data.byteLength) await nextTurn();
  }
  if (crc !== entry.crc32) fail("its CRC-32 does not match its contents", entry.name);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib's CRC-32 (Node 20.15 and later), or the same sum computed here on older Nodes. */
function crc32(data: Uint8Array, value: number): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data, value);
  let c = ~value >>> 0;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
