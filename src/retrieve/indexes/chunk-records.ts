import type { ChunkRecord } from "../../core/chunks.ts";

/** A chunk row without its text: what filters, ids and citations read. */
export type ChunkHeader = Omit<ChunkRecord, "text">;

/**
 * A course's chunk rows as a loaded snapshot holds them: the headers as objects, the texts as
 * one UTF-8 block outside the JavaScript heap, decoded when a chunk is asked for. Texts are most
 * of a course's rows (a 2,000-chunk course's are 2–4 MB as strings), and outside the heap they
 * neither count towards how far V8 lets the heap grow before collecting nor are copied by it.
 */
export class ChunkRecords {
  private readonly headers: ChunkHeader[];
  private readonly texts: Buffer;
  /** Chunk i's text is `texts[offsets[i]…offsets[i + 1])`. */
  private readonly offsets: Uint32Array;

  constructor(chunks: readonly ChunkRecord[]) {
    this.headers = chunks.map(({ text: _text, ...header }) => header);
    const encoded = chunks.map((chunk) => Buffer.from(chunk.text, "utf8"));
    this.offsets = new Uint32Array(chunks.length + 1);
    encoded.forEach((bytes, i) => {
      this.offsets[i + 1] = (this.offsets[i] as number) + bytes.length;
    });
    this.texts = Buffer.concat(encoded);
  }

  get length(): number {
    return this.headers.length;
  }

  header(index: number): ChunkHeader | undefined {
    return this.headers[index];
  }

  /** The whole row, its text decoded afresh. */
  at(index: number): ChunkRecord | undefined {
    const header = this.headers[index];
    if (!header) return undefined;
    const text = this.texts.toString("utf8", this.offsets[index], this.offsets[index + 1]);
    return { ...header, text };
  }

  *values(): IterableIterator<ChunkRecord> {
    for (let i = 0; i < this.headers.length; i++) yield this.at(i) as ChunkRecord;
  }

  /** Bytes the texts hold, and roughly what each header object holds. */
  get bytes(): number {
    let bytes = this.texts.length + this.offsets.byteLength;
    for (const h of this.headers) bytes += 2 * (h.chunkId.length + h.title.length + h.source.length) + 400;
    return bytes;
  }
}
