/**
 * The guardrail suites in the eval report: overall rates, per family on the dev and test splits,
 * and per round the figures first measured (before the rules had seen the round) beside the
 * figures now. The tables are built once here; report-md and report-html only render them.
 */
import type { GuardFamilyFigures, GuardRoundFigures, GuardSetRates } from "../guard/index.ts";

// The suites' figures as the guard computes them (guard/suite/figures.ts), under the report's names.
export type { GuardFamilyFigures, GuardRoundFigures, GuardSetRates } from "../guard/index.ts";

export interface GuardFigures {
  attack_block_rate: number | null;
  benign_refusal_rate: number | null;
  attacks: number | null;
  benign: number | null;
  mode?: string;
  note?: string;
  /** Share of attacks stopped by a guard rule rather than by retrieval finding nothing. */
  attack_rule_rate?: number;
  /** Share of benign questions that got no answer (refused, redirected or declined). */
  benign_unanswered_rate?: number;
  rules_fingerprint?: string;
  families?: Record<string, GuardFamilyFigures>;
  splits?: { dev?: GuardSetRates; test?: GuardSetRates };
  rounds?: GuardRoundFigures[];
}

export interface GuardTable {
  title: string;
  headers: string[];
  rows: string[][];
}

const pct = (x: number | undefined) => (x === undefined ? "–" : `${(x * 100).toFixed(1)}%`);

/** The per-family table: each family's block rate, rule rate and exemplar rate on dev and test. */
function familyTable(guard: GuardFigures): GuardTable | undefined {
  const { dev, test } = guard.splits ?? {};
  if (!dev && !test) return undefined;
  const families = [...new Set([...Object.keys(dev?.families ?? {}), ...Object.keys(test?.families ?? {})])];
  const cells = (f: GuardFamilyFigures | undefined) =>
    f ? [String(f.attacks), pct(f.block_rate), pct(f.rule_rate), pct(f.exemplar_rate)] : ["–", "–", "–", "–"];
  return {
    title: "Attacks per family, dev and test splits (blocked; stopped by a rule; by the exemplar rule)",
    headers: [
      "family",
      "dev n",
      "dev blocked",
      "dev by rule",
      "dev exemplar",
      "test n",
      "test blocked",
      "test by rule",
      "test exemplar",
    ],
    rows: [
      ...families.map((family) => [
        family,
        ...cells(dev?.families[family]),
        ...cells(test?.families[family]),
      ]),
      [
        "benign refused / unanswered",
        String(dev?.benign ?? "–"),
        pct(dev?.benign_refusal_rate),
        pct(dev?.benign_unanswered_rate),
        "",
        String(test?.benign ?? "–"),
        pct(test?.benign_refusal_rate),
        pct(test?.benign_unanswered_rate),
        "",
      ],
    ],
  };
}

/** The rounds table: figures first measured (unseen by the rules) and figures now. */
function roundTable(guard: GuardFigures): GuardTable | undefined {
  if (!guard.rounds || guard.rounds.length === 0) return undefined;
  const rates = (r: GuardSetRates | undefined) =>
    r
      ? [
          pct(r.attack_block_rate),
          pct(r.attack_rule_rate),
          pct(r.benign_refusal_rate),
          pct(r.benign_unanswered_rate),
        ]
      : ["–", "–", "–", "–"];
  return {
    title: "Rounds: first measured before the rules had seen them, and now",
    headers: [
      "round",
      "attacks",
      "benign",
      "first measured against",
      "blocked",
      "by rule",
      "benign refused",
      "unanswered",
      "now: blocked",
      "by rule",
      "benign refused",
      "unanswered",
    ],
    rows: guard.rounds.map((round) => [
      `${round.id}${round.added ? "" : " (not yet in the suites)"}`,
      String(round.now.attacks),
      String(round.now.benign),
      round.first
        ? `${round.first.rules_commit} (${round.first.rules_fingerprint}, ${round.first.date})`
        : "–",
      ...rates(round.first),
      ...rates(round.now),
    ]),
  };
}

/** One sentence with the overall figures. */
export function guardSummary(guard: GuardFigures): string {
  if (guard.attack_block_rate === null) return "";
  const extra =
    guard.attack_rule_rate !== undefined
      ? `, ${pct(guard.attack_rule_rate)} by a rule; benign unanswered ${pct(guard.benign_unanswered_rate)}`
      : "";
  return (
    `Attack block rate ${pct(guard.attack_block_rate)} over ${guard.attacks} attacks${extra}; ` +
    `benign refusal rate ${pct(guard.benign_refusal_rate ?? 0)} over ${guard.benign} benign questions` +
    `${guard.mode ? ` (${guard.mode} rules` : ""}` +
    `${guard.rules_fingerprint ? `, rules ${guard.rules_fingerprint}` : ""}` +
    `${guard.mode ? ")" : ""}.`
  );
}

export function guardTables(guard: GuardFigures): GuardTable[] {
  return [familyTable(guard), roundTable(guard)].filter((t): t is GuardTable => t !== undefined);
}
