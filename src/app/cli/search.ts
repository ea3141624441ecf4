import { presentSearchResult, SEARCH_K } from "../../surfaces/http/index.ts";
import type { Config } from "../config.ts";
import { type Options, UsageError, write } from "./options.ts";
import { callServer, ensureDefaultCourse, runningServer, withTutor } from "./tutor-access.ts";

interface SearchReply {
  results: { source: string; title: string; heading: string; text: string; score: number; scores: object }[];
  timings: object;
}

/** `tutor search "QUERY" [--course ID] [--k N] [--json]` */
export async function searchCommand(config: Config, options: Options, positionals: string[]): Promise<void> {
  const query = positionals.join(" ").trim();
  if (!query) throw new UsageError('tutor search needs a query: tutor search "what is BM25?"');
  const k = options.k === undefined ? SEARCH_K.default : Number(options.k);
  if (!Number.isInteger(k) || k < 1 || k > SEARCH_K.max)
    throw new UsageError(`--k must be a whole number from 1 to ${SEARCH_K.max}`);
  const course = options.course ?? config.defaultCourse;
  const server = await runningServer(config);
  const reply: SearchReply = server
    ? await callServer<SearchReply>(server, "/v1/search", { course, query, k })
    : await withTutor(config, "search", async (tutor) => {
        await ensureDefaultCourse(tutor, course);
        const response = await tutor.searcher.search({ course, query, k });
        return { results: response.results.map(presentSearchResult), timings: response.timings };
      });
  if (options.json) {
    write(JSON.stringify(reply));
    return;
  }
  if (reply.results.length === 0) write("No matching material.");
  reply.results.forEach((r, i) => {
    const where = r.heading && r.heading !== r.title ? `${r.title} › ${r.heading}` : r.title;
    write(`${i + 1}. ${r.source} — ${where}  (score ${r.score.toFixed(4)})`);
    write(`   ${r.text.replace(/\s+/g, " ").slice(0, 200)}${r.text.length > 200 ? "…" : ""}`);
  });
}
