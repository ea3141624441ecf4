import type { ScoredChunk } from "../../core/chunks.ts";
import { withDefaults } from "../../core/options.ts";
import { sectionKey } from "./neighbours.ts";

/**
 * When two neighbouring chunks of one section both rank high, they are one passage the chunker
 * cut in two: returning them merged gives the reader the whole passage in one result and frees a
 * slot for something else. The merged result keeps the better-ranked chunk's id, rank and
 * scores, and lists every chunk it holds in `mergedChunkIds`.
 */
export interface MergeOptions {
  /** Only results among the first `window` can merge. */
  window: number;
  /** At most this many chunks in one merged result. */
  maxChunks?: number;
}

/** At most three chunks in one merged result. */
export const mergeDefaults = { maxChunks: 3 } satisfies Partial<MergeOptions>;

export function mergeAdjacentChunks(results: readonly ScoredChunk[], options: MergeOptions): ScoredChunk[] {
  const { window, maxChunks } = withDefaults(mergeDefaults, options);
  // Each group: the chunks merged into the result at that position, by ord.
  const out: { head: ScoredChunk; parts: ScoredChunk[] }[] = results.map((chunk) => ({
    head: chunk,
    parts: [chunk],
  }));
  let merged = true;
  while (merged) {
    merged = false;
    const limit = Math.min(window, out.length);
    search: for (let i = 0; i < limit; i++) {
      const group = out[i] as (typeof out)[number];
      if (group.parts.length >= maxChunks) continue;
      const first = group.parts[0] as ScoredChunk;
      const last = group.parts.at(-1) as ScoredChunk;
      for (let j = i + 1; j < limit; j++) {
        const other = out[j] as (typeof out)[number];
        if (other.parts.length + group.parts.length > maxChunks) continue;
        if (sectionKey(other.head) !== sectionKey(group.head)) continue;
        const otherFirst = other.parts[0] as ScoredChunk;
        const otherLast = other.parts.at(-1) as ScoredChunk;
        if (otherFirst.ord === last.ord + 1) group.parts.push(...other.parts);
        else if (otherLast.ord + 1 === first.ord) group.parts.unshift(...other.parts);
        else continue;
        out.splice(j, 1);
        merged = true;
        break search;
      }
    }
  }
  return out.map(({ head, parts }) => {
    if (parts.length === 1) return head;
    return {
      ...head,
      text: parts.map((p) => p.text).reduce(joinOverlapping),
      mergedChunkIds: parts.map((p) => p.chunkId),
    };
  });
}

/**
 * Joins two consecutive chunk texts, dropping the sentences the second repeats from the end of
 * the first (the chunker carries trailing sentences over as overlap).
 */
export function joinOverlapping(first: string, second: string): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  // An overlap is a tail of the first that the second starts with; twelve characters is long
  // enough that a match is not chance, and short enough to catch a one-line sentence.
  const probe = b.slice(0, Math.min(12, b.length));
  if (probe.length > 0) {
    for (let at = a.indexOf(probe); at !== -1; at = a.indexOf(probe, at + 1)) {
      const tail = a.slice(at);
      if (b.startsWith(tail)) return `${a}${b.slice(tail.length)}`;
    }
  }
  return `${a}\n\n${b}`;
}
