import type { Bm25Postings } from "./bm25-build.ts";
import type { ChunkTermTables } from "./chunk-terms.ts";
import type { AssociationTables } from "./term-associations.ts";

/**
 * Names the layout below and everything that decides the stored content (the analysers, BM25's
 * parameters, the reranker's term lists). Change it whenever one of them changes: a stored index
 * in another format is rebuilt from the chunks instead of being loaded.
 */
export const INDEX_FORMAT = "course-index/1";

/** What a course version's stored index holds; chunk rows and vectors are read from their tables. */
export interface IndexParts {
  /** The chunk ids, in the order every table below indexes them. */
  chunkIds: string[];
  bm25: Bm25Postings;
  associations: AssociationTables;
  chunkTerms: ChunkTermTables;
  centroid: Float32Array | undefined;
}

type NumericArray = Int32Array | Float64Array | Float32Array;

const ARRAY_TYPES = { i32: Int32Array, f64: Float64Array, f32: Float32Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;

interface Header {
  format: string;
  chunkIds: string[];
  bm25: { documents: number; totalDocuments: number; terms: string[] };
  associations: { terms: string[]; words: string[] };
  vocabulary: string[];
  arrays: { name: string; type: ArrayType; length: number }[];
}

const ASSOCIATION_ARRAYS = [
  "sentenceOffsets",
  "sentenceTerms",
  "postingOffsets",
  "postingSentences",
] as const;
const CHUNK_TERM_ARRAYS = [
  "bodyOffsets",
  "body",
  "headingOffsets",
  "heading",
  "ownHeadingOffsets",
  "ownHeading",
  "titleOffsets",
  "title",
  "sentenceOffsets",
  "sentenceTermOffsets",
  "sentenceTerms",
  "defineOffsets",
  "defines",
  "questions",
] as const;

const typeOf = (array: NumericArray): ArrayType =>
  array instanceof Int32Array ? "i32" : array instanceof Float64Array ? "f64" : "f32";
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Every numeric array of the parts under a stable name. */
function arraysOf(parts: IndexParts): [string, NumericArray][] {
  const { bm25, associations, chunkTerms } = parts;
  const named: [string, NumericArray][] = [
    ["bm25.idfs", bm25.idfs],
    ["bm25.offsets", bm25.offsets],
    ["bm25.docs", bm25.docs],
    ["bm25.units", bm25.units],
  ];
  for (const key of ASSOCIATION_ARRAYS) named.push([`associations.${key}`, associations[key]]);
  for (const key of CHUNK_TERM_ARRAYS) named.push([`chunkTerms.${key}`, chunkTerms[key]]);
  if (parts.centroid) named.push(["centroid", parts.centroid]);
  return named;
}

/**
 * The parts as one base64 text: a 4-byte header length, the JSON header (strings), then each
 * array's bytes at an 8-byte boundary. Returns the decoded size too, for the memory budget.
 */
export function packIndex(parts: IndexParts): { text: string; bytes: number } {
  const arrays = arraysOf(parts);
  const header: Header = {
    format: INDEX_FORMAT,
    chunkIds: parts.chunkIds,
    bm25: {
      documents: parts.bm25.documents,
      totalDocuments: parts.bm25.totalDocuments,
      terms: parts.bm25.terms,
    },
    associations: { terms: parts.associations.terms, words: parts.associations.words },
    vocabulary: parts.chunkTerms.vocabulary,
    arrays: arrays.map(([name, array]) => ({ name, type: typeOf(array), length: array.length })),
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  let size = align8(4 + json.length);
  for (const [, array] of arrays) size += align8(array.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = align8(4 + json.length);
  for (const [, array] of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += align8(array.byteLength);
  }
  return { text: out.toString("base64"), bytes: size };
}

/** Reads what packIndex wrote; the arrays are views over one buffer, not copies. */
export function unpackIndex(text: string): { parts: IndexParts; bytes: number } {
  let bytes = Buffer.from(text, "base64");
  // Typed arrays need aligned offsets; a freshly decoded large buffer starts at 0, a pooled one may not.
  if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(Uint8Array.prototype.slice.call(bytes));
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString("utf8", 4, 4 + length)) as Header;
  if (header.format !== INDEX_FORMAT) throw new Error(`stored index is in format ${header.format}`);
  const arrays = new Map<string, NumericArray>();
  let at = bytes.byteOffset + align8(4 + length);
  for (const { name, type, length: count } of header.arrays) {
    const array = new ARRAY_TYPES[type](bytes.buffer, at, count);
    arrays.set(name, array);
    at += align8(array.byteLength);
  }
  const take = <T extends NumericArray>(name: string): T => {
    const array = arrays.get(name);
    if (!array) throw new Error(`stored index lacks ${name}`);
    return array as T;
  };
  const group = (prefix: string, keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, take(`${prefix}.${key}`)]));
  const parts: IndexParts = {
    chunkIds: header.chunkIds,
    bm25: {
      ...header.bm25,
      idfs: take("bm25.idfs"),
      offsets: take("bm25.offsets"),
      docs: take("bm25.docs"),
      units: take("bm25.units"),
    },
    associations: {
      ...header.associations,
      ...group("associations", ASSOCIATION_ARRAYS),
    } as unknown as AssociationTables,
    chunkTerms: {
      vocabulary: header.vocabulary,
      ...group("chunkTerms", CHUNK_TERM_ARRAYS),
    } as unknown as ChunkTermTables,
    centroid: arrays.get("centroid") as Float32Array | undefined,
  };
  return { parts, bytes: bytes.length };
}
