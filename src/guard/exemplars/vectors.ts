import { ExemplarIndex } from "./match.ts";
import type { Exemplar, GuardEmbedder } from "./types.ts";

/**
 * Exemplar vectors, embedded once per model and kept in memory: each text is embedded the first
 * time any course's index needs it under that model (the embedder may keep them in the
 * embedding cache too). Indexes are built once per exemplar list and model.
 */
export class ExemplarVectors {
  private readonly byModel = new Map<string, Map<string, Promise<number[]>>>();
  private readonly indexes = new WeakMap<readonly Exemplar[], Map<string, Promise<ExemplarIndex>>>();

  /** The index of these exemplars under the embedder's model (built on first call). */
  index(embedder: GuardEmbedder, exemplars: readonly Exemplar[]): Promise<ExemplarIndex> {
    let perModel = this.indexes.get(exemplars);
    if (!perModel) {
      perModel = new Map();
      this.indexes.set(exemplars, perModel);
    }
    let index = perModel.get(embedder.modelId);
    if (!index) {
      index = this.build(embedder, exemplars);
      perModel.set(embedder.modelId, index);
      // A failed embedding is tried again on the next call rather than remembered.
      index.catch(() => perModel?.delete(embedder.modelId));
    }
    return index;
  }

  private async build(embedder: GuardEmbedder, exemplars: readonly Exemplar[]): Promise<ExemplarIndex> {
    let known = this.byModel.get(embedder.modelId);
    if (!known) {
      known = new Map();
      this.byModel.set(embedder.modelId, known);
    }
    const missing = [...new Set(exemplars.map((e) => e.text))].filter((text) => !known.has(text));
    if (missing.length > 0) {
      const batch = embedder.embedMany(missing);
      missing.forEach((text, i) => {
        const vector = batch.then((vectors) => vectors[i] as number[]);
        known.set(text, vector);
        vector.catch(() => known.delete(text));
      });
    }
    const vectors = await Promise.all(exemplars.map((e) => known.get(e.text) as Promise<number[]>));
    return new ExemplarIndex(embedder.modelId, exemplars, vectors);
  }
}
