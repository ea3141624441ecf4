/**
 * Recent query embeddings, least recently used out first. Students repeat each other's questions
 * and a follow-up often searches the same text again; a hit skips the model entirely.
 */
export class QueryCache {
  private readonly entries = new Map<string, Promise<number[]>>();

  constructor(private readonly capacity: number) {}

  get(text: string, compute: () => Promise<number[]>): Promise<number[]> {
    if (this.capacity <= 0) return compute();
    const known = this.entries.get(text);
    if (known) {
      this.entries.delete(text);
      this.entries.set(text, known);
      return known;
    }
    const pending = compute();
    // A failed embedding is not remembered: the next ask tries again.
    pending.catch(() => this.entries.delete(text));
    this.entries.set(text, pending);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return pending;
  }

  get size(): number {
    return this.entries.size;
  }
}
