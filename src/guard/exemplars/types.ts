/**
 * The semantic exemplar rule's vocabulary: labelled example messages per family (attacks and the
 * benign look-alikes next to them), the embedder that places them, and the thresholds that turn a
 * nearest neighbour into a decision.
 */

export const EXEMPLAR_FAMILIES = [
  "injection",
  "academic_integrity",
  "abuse",
  "privacy",
  "off_topic",
] as const;
export type ExemplarFamily = (typeof EXEMPLAR_FAMILIES)[number];
export const EXEMPLAR_LABELS = ["attack", "benign"] as const;
export type ExemplarLabel = (typeof EXEMPLAR_LABELS)[number];

export interface Exemplar {
  /** Stable name, logged with every decision ("abuse/a-threat-building"). */
  id: string;
  family: ExemplarFamily;
  label: ExemplarLabel;
  text: string;
}

/** When the nearest attack exemplar of a family decides. */
export interface FamilyThresholds {
  /** Cosine similarity the nearest attack exemplar must reach. */
  minSimilarity: number;
  /** How much closer the nearest attack exemplar must be than the nearest benign one. */
  minMargin: number;
}

export type ExemplarThresholds = Partial<Record<ExemplarFamily, FamilyThresholds>>;

/**
 * What the guard needs from an embedder: the model's name (vectors of different models never
 * meet), one message at a time, and many texts at once (the exemplars, through a cache where
 * the deployment has one). A `CourseEmbeddings` fits.
 */
export interface GuardEmbedder {
  readonly modelId: string;
  embedQuery(text: string): Promise<number[]>;
  embedMany(texts: string[]): Promise<number[][]>;
}

/** A message's embedding: which model, of which text (retrieval reuses it for the same text). */
export interface MessageEmbedding {
  model: string;
  text: string;
  vector: readonly number[];
}

/** The exemplar nearest to a message, and how near. */
export interface Neighbour {
  id: string;
  similarity: number;
}

/** A family's verdict material: its nearest attack exemplar and the nearest benign one. */
export interface FamilyMatch {
  family: ExemplarFamily;
  attack: Neighbour;
  benign: Neighbour | null;
  /** attack.similarity − benign.similarity (the attack similarity when there is no benign one). */
  margin: number;
}
