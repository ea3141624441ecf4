import type { ConversationTurn, QueryRewriter, RewrittenQuery } from "../../core/index.ts";
import { withDefaults } from "../../core/options.ts";
import type { CourseIndexes } from "../indexes/index.ts";
import { isEnglishWord } from "./english.ts";
import { expandAcronyms } from "./expand.ts";
import { resolveFollowUp } from "./follow-up.ts";
import { type CourseLexicon, createCourseLexicon } from "./lexicon.ts";
import { nameMeasures } from "./measures.ts";
import { expandShorthand } from "./shorthand.ts";
import { correctSpelling } from "./spelling.ts";

export type LexiconSource = (course: string) => Promise<CourseLexicon | undefined>;

export interface RewriterOptions {
  /** Words the spelling corrector leaves alone although the course never uses them. */
  isKnownWord?: (word: string) => boolean;
}

/** English words are known words. */
export const rewriterDefaults = { isKnownWord: isEnglishWord } satisfies RewriterOptions;

/**
 * Turns what a student typed into what retrieval searches for: chat shorthand is spelled out,
 * misspelt words become the course's words, follow-ups get the subject of the turns before
 * them, and acronyms the course defines are spelled out and the measure a "how big" asks about
 * is named (as a second form of the query: see `RewrittenQuery`).
 */
export class CourseQueryRewriter implements QueryRewriter {
  private readonly options: Required<RewriterOptions>;

  constructor(
    private readonly lexicons: LexiconSource,
    options: RewriterOptions = {},
  ) {
    this.options = withDefaults(rewriterDefaults, options);
  }

  async rewrite(
    question: string,
    context: { course: string; history: ConversationTurn[] },
  ): Promise<RewrittenQuery> {
    const lexicon = await this.lexicons(context.course);
    const normalise = (text: string) => {
      if (!lexicon) return text;
      const spelled = expandShorthand(text, {
        isCourseWord: (token) => (lexicon.lowercaseCounts.get(token) ?? 0) >= 2,
      });
      return correctSpelling(spelled, lexicon, this.options).text;
    };
    const resolved = resolveFollowUp(
      normalise(question),
      context.history.map((turn) => ({ question: normalise(turn.question) })),
    );
    return {
      query: resolved,
      spelledOut: lexicon ? nameMeasures(expandAcronyms(resolved, lexicon), lexicon) : resolved,
    };
  }
}

/**
 * Course lexicons built from the loaded indexes, once per index snapshot (a new snapshot after
 * ingestion gets a new lexicon). An unknown course has none: the search reports it.
 */
export function lexiconsFromIndexes(indexes: CourseIndexes): LexiconSource {
  const built = new WeakMap<object, CourseLexicon>();
  return async (course) => {
    let snapshot: Awaited<ReturnType<CourseIndexes["get"]>>;
    try {
      snapshot = await indexes.get(course);
    } catch {
      return undefined;
    }
    let lexicon = built.get(snapshot.bm25);
    if (!lexicon) {
      lexicon = createCourseLexicon(snapshot.bm25.allChunks());
      built.set(snapshot.bm25, lexicon);
    }
    return lexicon;
  };
}
