import type { SurfaceWords } from "./terms.ts";
import type { AnalysedQuestion } from "./topics.ts";
import type { GapCluster } from "./types.ts";

/**
 * Similar unanswered questions grouped together, so an instructor sees "12 students asked about
 * X" instead of 12 rows. Greedy: a question joins the first group whose words it mostly shares.
 */
export function clusterGaps(
  gaps: readonly AnalysedQuestion[],
  words: SurfaceWords,
  limit = 15,
): GapCluster[] {
  interface Group {
    terms: Map<string, number>;
    members: AnalysedQuestion[];
  }
  const groups: Group[] = [];
  const newestFirst = [...gaps].sort((a, b) => b.message.createdAt.getTime() - a.message.createdAt.getTime());
  for (const gap of newestFirst) {
    const stems = gap.terms.stems;
    let home: Group | undefined;
    let best = 0;
    for (const group of groups) {
      const score = similarity(stems, group.members[0]?.terms.stems ?? new Set(), group.terms);
      if (score > best) {
        best = score;
        home = group;
      }
    }
    if (!home || best < 0.5) {
      home = { terms: new Map(), members: [] };
      groups.push(home);
    }
    home.members.push(gap);
    for (const stem of stems) home.terms.set(stem, (home.terms.get(stem) ?? 0) + 1);
  }
  return groups
    .map((group) => {
      const members = group.members;
      const terms = [...group.terms.entries()]
        .filter(([, n]) => n >= Math.max(1, Math.ceil(members.length / 2)))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([stem]) => words.word(stem));
      const sections = new Map<string, { section: GapCluster["nearestSections"][number]; n: number }>();
      for (const { message } of members) {
        for (const c of message.citations.slice(0, 2)) {
          const key = `${c.source}#${c.heading}`;
          const entry = sections.get(key) ?? {
            section: { source: c.source, title: c.title, heading: c.heading },
            n: 0,
          };
          entry.n += 1;
          sections.set(key, entry);
        }
      }
      const examples = [...new Set(members.map((m) => m.message.question.trim()))].slice(0, 3);
      return {
        label: terms.join(" · ") || (examples[0] ?? "").slice(0, 60),
        terms,
        count: members.length,
        lastAsked: (members[0] as (typeof members)[number]).message.createdAt.toISOString(),
        examples,
        nearestSections: [...sections.values()]
          .sort((a, b) => b.n - a.n)
          .slice(0, 3)
          .map((e) => e.section),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked))
    .slice(0, limit);
}

/** Overlap of a question's words with a group: against its first question and its common words. */
function similarity(stems: Set<string>, seed: Set<string>, groupTerms: Map<string, number>): number {
  if (stems.size === 0) return seed.size === 0 ? 1 : 0;
  let shared = 0;
  for (const s of stems) if (seed.has(s)) shared++;
  const union = stems.size + seed.size - shared;
  const jaccard = union === 0 ? 0 : shared / union;
  // Short questions ("drift?") against a longer seed: most of the short one is in the group.
  let inGroup = 0;
  for (const s of stems) if (groupTerms.has(s)) inGroup++;
  const containment = shared >= 2 ? inGroup / stems.size : 0;
  return Math.max(jaccard, containment * 0.9);
}
