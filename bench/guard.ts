/**
 * Guard latency per message, with the semantic exemplar rule on: the input rules (patterns, then
 * the exemplar kNN) and the retrieval-stage rules, over a sample of the guard suites' strings.
 * Timed three ways: the rules alone given the message's embedding (the embedding is made once per
 * message and reused by retrieval, so it is not the guard's cost), the embedding alone, and the
 * guard with the embedding made inside it. Part of `npm run bench`; runs alone with
 * `npx tsx bench/guard.ts`.
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import { SentenceEncoderEmbeddings } from "../src/embed/index.ts";
import {
  createGuardEngine,
  type GuardEmbedder,
  loadExemplarLibrary,
  loadGuardConfig,
} from "../src/guard/index.ts";
import { loadSuites } from "../src/guard/suite/index.ts";
import { withoutRegister } from "../src/text/register.ts";
import { round, summarize } from "./stats.ts";

const COURSE = "aie101";

export interface GuardBench {
  messages: number;
  exemplars: number;
  /** The rules, given the message's embedding: the guard's own cost per message (wall clock). */
  rulesMs: ReturnType<typeof summarize>;
  /**
   * The same, in CPU time of this process: on a shared, loaded machine the wall clock also counts
   * the time spent waiting for a core, CPU time only the work.
   */
  rulesCpuMs: ReturnType<typeof summarize>;
  /** The message's embedding alone (made once and shared with retrieval). */
  embedMs: ReturnType<typeof summarize>;
  /**
   * Messages the rules' timing still had to embed (the guard asked for a text it was not given);
   * 0 unless the guard embeds something other than a message's search text.
   */
  rulesEmbedded: number;
  /** Both: the guard when it has to embed the message itself. */
  withEmbeddingMs: ReturnType<typeof summarize>;
  exemplarWarmUpMs: number;
  target: string;
}

/** Every k-th string of the suites, so the sample spans every family and benign category. */
async function sampleMessages(size: number): Promise<string[]> {
  const { attacks, benign } = await loadSuites();
  const all = [...attacks.map((a) => a.text), ...benign.map((b) => b.text)];
  const step = Math.max(1, Math.floor(all.length / size));
  return all.filter((_, i) => i % step === 0).slice(0, size);
}

async function timeGuard(embedder: GuardEmbedder, messages: readonly string[], warmUp: number) {
  const guard = createGuardEngine({ config: loadGuardConfig(undefined), embedder });
  const warmStarted = performance.now();
  await guard.warm(COURSE);
  const warmMs = performance.now() - warmStarted;
  const samples: number[] = [];
  const cpu: number[] = [];
  for (const [i, message] of messages.entries()) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const input = await guard.screenInput(message, { course: COURSE });
    if (!input.refusal) {
      await guard.checkRetrieval(input.text, {
        course: COURSE,
        retrieval: { confident: false, coverage: 0, topVectorSimilarity: null },
        ...(input.embedding ? { embedding: input.embedding } : {}),
      });
    }
    if (i >= warmUp) {
      samples.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { samples, cpu, warmMs };
}

/**
 * The text the guard embeds for a message: its search text (personal data redacted, a request for
 * graded work read by its subject) without register words, as `screenInput` makes it.
 */
function embeddedText(messages: readonly string[]): Map<string, string> {
  const patterns = createGuardEngine({ config: loadGuardConfig(undefined), exemplars: false });
  return new Map(
    messages.map((message) => {
      const { searchText } = patterns.checkInput(message, { course: COURSE });
      return [message, withoutRegister(searchText ?? message)];
    }),
  );
}

export async function benchGuard(log: (line: string) => void, size = 400): Promise<GuardBench> {
  const messages = await sampleMessages(size);
  const embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  try {
    // The embeddings each message gets (as the guard embeds it), timed one at a time. Keyed by the
    // text the guard embeds, so the rules' timing never includes embedding a redacted message.
    const texts = embeddedText(messages);
    const vectors = new Map<string, number[]>();
    const embedSamples: number[] = [];
    for (const message of messages) {
      const text = texts.get(message) ?? withoutRegister(message);
      const started = performance.now();
      vectors.set(text, await embeddings.embedQuery(text));
      embedSamples.push(performance.now() - started);
    }
    let rulesEmbedded = 0;
    const given: GuardEmbedder = {
      modelId: embeddings.modelId,
      embedQuery: async (text) => {
        const vector = vectors.get(text);
        if (vector) return vector;
        rulesEmbedded++;
        return embeddings.embedQuery(text);
      },
      embedMany: (texts) => embeddings.embedMany(texts),
    };
    const warmUp = Math.min(50, Math.floor(messages.length / 4));
    const rules = await timeGuard(given, messages, warmUp);
    const whole = await timeGuard(embeddings, messages, warmUp);
    const result: GuardBench = {
      messages: rules.samples.length,
      exemplars: loadExemplarLibrary().exemplars.length,
      rulesMs: summarize(rules.samples),
      rulesCpuMs: summarize(rules.cpu),
      embedMs: summarize(embedSamples.slice(warmUp)),
      rulesEmbedded,
      withEmbeddingMs: summarize(whole.samples),
      exemplarWarmUpMs: round(rules.warmMs),
      target:
        "rules p95 ≤ 10 ms per message with the exemplar rule on (2 cores; wall clock on an idle machine)",
    };
    log(
      `  ${result.messages} suite messages, ${result.exemplars} exemplars (embedded once in ${result.exemplarWarmUpMs} ms)`,
    );
    log(
      `  guard rules, embedding given: p50 ${result.rulesMs.p50} ms, p95 ${result.rulesMs.p95} ms, p99 ${result.rulesMs.p99} ms` +
        ` (${rulesEmbedded} messages embedded anyway)`,
    );
    log(
      `  guard rules, CPU time: p50 ${result.rulesCpuMs.p50} ms, p95 ${result.rulesCpuMs.p95} ms, p99 ${result.rulesCpuMs.p99} ms`,
    );
    log(
      `  the message embedding alone (shared with retrieval): p50 ${result.embedMs.p50} ms, p95 ${result.embedMs.p95} ms`,
    );
    log(
      `  guard embedding the message itself: p50 ${result.withEmbeddingMs.p50} ms, p95 ${result.withEmbeddingMs.p95} ms`,
    );
    return result;
  } finally {
    await embeddings.close();
  }
}

// Runs alone: `npx tsx bench/guard.ts` (the section of `npm run bench`, without the rest).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `Guard latency — ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}`,
  );
  await benchGuard(log);
}
