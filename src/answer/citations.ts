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
    snippet: truncate(snippetText, 240),
    ...(url ? { url } : {}),
    chunkId: chunk.chunkId,
    ...(chunk.locator ? { locator: chunk.locator } : {}),
  };
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
