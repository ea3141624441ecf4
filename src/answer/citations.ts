import type { Citation } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Shortens text to about `max` characters on a word boundary. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.3 ? cut.slice(0, lastSpace) : cut).replace(/[,;:.\s]+$/, "")}…`;
}

/**
 * The link a citation opens: the document's url (front matter) with the section's anchor.
 * Relative urls are made absolute when the deployment's public address is known.
 */
export function citationUrl(
  chunk: Pick<ScoredChunk, "url" | "heading">,
  publicBaseUrl?: string,
): string | undefined {
  if (!chunk.url) return undefined;
  const anchor = chunk.heading ? `#${slugify(chunk.heading)}` : "";
  const url = chunk.url.includes("#") ? chunk.url : `${chunk.url}${anchor}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || !publicBaseUrl) return url;
  return new URL(url, publicBaseUrl.endsWith("/") ? publicBaseUrl : `${publicBaseUrl}/`).toString();
}

const comparable = (text: string) =>
  text
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * The excerpt a source shows: its text without the title or heading line it opens with (a chunk
 * often starts with its own heading), since the source list names both already. Empty when the
 * text is nothing but its title.
 */
export function excerptOf(text: string, chunk: Pick<ScoredChunk, "title" | "heading">): string {
  let rest = text;
  let before: string | undefined;
  // Title and heading lines may come in either order; strip until neither opens the text.
  while (rest !== before) {
    before = rest;
    for (const label of [chunk.heading, chunk.title]) rest = withoutLabelLine(rest, label ?? "");
  }
  return rest.trim();
}

/** The text without `label` when the label is its first line (markup aside); else the text. */
function withoutLabelLine(text: string, label: string): string {
  const wanted = comparable(label);
  const rest = text.replace(/^\s*#{1,6}\s+/, "");
  if (!wanted) return text;
  // Walk the text until its comparable form covers the label, so markup inside it is skipped too.
  for (let end = 1; end <= rest.length; end++) {
    const seen = comparable(rest.slice(0, end));
    if (seen.length > wanted.length || !wanted.startsWith(seen)) return text;
    // Only a label on a line of its own: "Data drift, also called …" is a sentence, not a heading.
    if (seen === wanted && /^[\s*_`#:]*(?:\n|$)/.test(rest.slice(end))) {
      return rest.slice(end).replace(/^[\s*_`#:]+/, "");
    }
  }
  return text;
}

export function makeCitation(
  n: number,
  chunk: ScoredChunk,
  snippetText: string,
  publicBaseUrl?: string,
): Citation {
  const url = citationUrl(chunk, publicBaseUrl);
  return {
    n,
    source: chunk.source,
    title: chunk.title,
    heading: chunk.heading,
    snippet: truncate(excerptOf(snippetText, chunk), 240),
    ...(url ? { url } : {}),
    chunkId: chunk.chunkId,
    ...(chunk.locator ? { locator: chunk.locator } : {}),
  };
}

/**
 * The citations without repeats: one whose place (title and heading) or excerpt reads the same as
 * an earlier one's, once whitespace, case and markdown are set aside, is dropped, and the rest are
 * numbered again in order. A reply that lists its sources must not show one sentence twice.
 */
export function distinctCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  const kept: Citation[] = [];
  for (const citation of citations) {
    const place = `place:${comparable(citation.title)}›${comparable(citation.heading || citation.title)}`;
    const excerpt = `excerpt:${comparable(citation.snippet)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()}`;
    if (seen.has(place) || (excerpt !== "excerpt:" && seen.has(excerpt))) continue;
    seen.add(place).add(excerpt);
    kept.push({ ...citation, n: kept.length + 1 });
  }
  return kept;
}

/** Numbers chunks in the order an answer first cites them, and collects the sentences each backs. */
export class ChunkCitations {
  private readonly numbers = new Map<string, number>();
  private readonly snippets = new Map<string, string[]>();
  private readonly chunks = new Map<string, ScoredChunk>();

  numberFor(chunk: ScoredChunk, sentence?: string): number {
    let n = this.numbers.get(chunk.chunkId);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(chunk.chunkId, n);
      this.chunks.set(chunk.chunkId, chunk);
      this.snippets.set(chunk.chunkId, []);
    }
    if (sentence) this.snippets.get(chunk.chunkId)?.push(sentence);
    return n;
  }

  citations(publicBaseUrl?: string): Citation[] {
    return [...this.numbers.entries()].map(([chunkId, n]) => {
      const chunk = this.chunks.get(chunkId) as ScoredChunk;
      const cited = this.snippets.get(chunkId) ?? [];
      return makeCitation(n, chunk, cited.length > 0 ? cited.join(" ") : chunk.text, publicBaseUrl);
    });
  }
}
