import zlib from "node:zlib";

/**
 * Builds zip archives byte by byte (PKWARE's APPNOTE layout: local headers, data, central
 * directory, end record) so tests can write what zip tools never would: names with control
 * characters or absolute paths, and headers that lie about sizes or CRC-32.
 */
export interface ZipBuilderEntry {
  /** The name's bytes; a string is written as UTF-8 with the UTF-8 flag set. */
  name: string | Uint8Array;
  /** Uncompressed content (deflated here unless `stored`). */
  content?: Uint8Array;
  /** Already-deflated data with its true size and CRC-32 (for archives too large to build whole). */
  deflated?: { data: Uint8Array; size: number; crc32: number };
  stored?: boolean;
  /** What the headers claim instead of the truth. */
  declare?: { size?: number; crc32?: number };
  /** What the local header alone claims (the central directory keeps `declare` or the truth). */
  localDeclare?: { size?: number; crc32?: number; name?: string };
}

export function buildZip(entries: readonly ZipBuilderEntry[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes =
      typeof entry.name === "string" ? Buffer.from(entry.name, "utf8") : Buffer.from(entry.name);
    const flags = typeof entry.name === "string" ? 0x800 : 0;
    const body = payload(entry);
    const size = entry.declare?.size ?? body.size;
    const crc = entry.declare?.crc32 ?? body.crc32;
    const localName = entry.localDeclare?.name ? Buffer.from(entry.localDeclare.name, "utf8") : nameBytes;
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(body.method, 8);
    local.writeUInt32LE(entry.localDeclare?.crc32 ?? crc, 14);
    local.writeUInt32LE(body.data.length, 18);
    local.writeUInt32LE(entry.localDeclare?.size ?? size, 22);
    local.writeUInt16LE(localName.length, 26);
    locals.push(local, localName, Buffer.from(body.data));
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(body.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + localName.length + body.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function header(signature: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  buffer.writeUInt32LE(signature, 0);
  return buffer;
}

function payload(entry: ZipBuilderEntry): { data: Uint8Array; size: number; crc32: number; method: number } {
  if (entry.deflated) return { ...entry.deflated, method: 8 };
  const content = entry.content ?? new Uint8Array();
  const crc32 = zlib.crc32(content);
  if (entry.stored) return { data: content, size: content.length, crc32, method: 0 };
  return { data: zlib.deflateRawSync(content), size: content.length, crc32, method: 8 };
}

/**
 * Deflated zeros, `megabytes` MiB of them, built from one compressed MiB repeated: each copy
 * ends in a full flush, so it refers to nothing before it, and an empty final block closes the
 * stream. 1.5 GiB of zeros come out at about 1.5 MB.
 */
export function deflatedZeros(megabytes: number): { data: Uint8Array; size: number; crc32: number } {
  const mebibyte = Buffer.alloc(1024 * 1024);
  const block = zlib.deflateRawSync(mebibyte, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  let crc32 = 0;
  for (let i = 0; i < megabytes; i++) crc32 = zlib.crc32(mebibyte, crc32);
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]);
  return { data: new Uint8Array(data), size: megabytes * mebibyte.length, crc32 };
}
