import type { ChunkRecord, ScoredChunk } from "../../core/chunks.ts";
import type { CourseSnapshot } from "../indexes/index.ts";

/**
 * A passage the chunker cut in two often has its answer in one half and the words the query
 * matched in the other. Before reranking, the same-section neighbours (ord ± 1) of the best
 * fused candidates join the candidates, unscored, so the reranker can judge them on their own
 * text; its `neighbour` feature says how strongly their neighbour was retrieved.
 */
const byPosition = new WeakMap<object, Map<string, number>>();

const positionKey = (source: string, ord: number) => `${source}\u0000${ord}`;
export const sectionKey = (chunk: Pick<ChunkRecord, "source" | "headingPath">) =>
  `${chunk.source}\u0000${chunk.headingPath.join("\u0000")}`;

/** Each chunk's place in the snapshot's chunk order, by document and position. */
function positions(snapshot: Pick<CourseSnapshot, "bm25">): Map<string, number> {
  let index = byPosition.get(snapshot.bm25);
  if (!index) {
    index = new Map();
    for (let i = 0; i < snapshot.bm25.size; i++) {
      const header = snapshot.bm25.header(i);
      if (header) index.set(positionKey(header.source, header.ord), i);
    }
    byPosition.set(snapshot.bm25, index);
  }
  return index;
}

/** The chunks just before and after `chunk` in its document that share its section. */
export function sectionNeighbours(snapshot: Pick<CourseSnapshot, "bm25">, chunk: ChunkRecord): ChunkRecord[] {
  const index = positions(snapshot);
  const key = sectionKey(chunk);
  const out: ChunkRecord[] = [];
  for (const ord of [chunk.ord - 1, chunk.ord + 1]) {
    const at = index.get(positionKey(chunk.source, ord));
    const header = at === undefined ? undefined : snapshot.bm25.header(at);
    if (header && sectionKey(header) === key) out.push(snapshot.bm25.chunkAt(at as number) as ChunkRecord);
  }
  return out;
}

/** `candidates` followed by the missing same-section neighbours of the first `top` of them. */
export function withSectionNeighbours(
  snapshot: Pick<CourseSnapshot, "bm25">,
  candidates: readonly ScoredChunk[],
  top: number,
): ScoredChunk[] {
  const present = new Set(candidates.map((c) => c.chunkId));
  const added: ScoredChunk[] = [];
  for (const candidate of candidates.slice(0, top)) {
    for (const neighbour of sectionNeighbours(snapshot, candidate)) {
      if (present.has(neighbour.chunkId)) continue;
      present.add(neighbour.chunkId);
      added.push({ ...neighbour, score: 0, scores: { fused: 0 } });
    }
  }
  return [...candidates, ...added];
}
