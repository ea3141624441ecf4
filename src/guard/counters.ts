import type { GuardAction, GuardStage } from "./types.ts";

export interface VerdictCount {
  stage: GuardStage;
  rule: string;
  action: GuardAction;
  count: number;
}

export interface CheckCount {
  stage: GuardStage;
  /** The strongest action any rule took in the check ("allow" when none fired). */
  outcome: GuardAction;
  count: number;
}

export interface GuardCountsSnapshot {
  verdicts: VerdictCount[];
  checks: CheckCount[];
}

/** In-process counters of guard decisions, for a metrics exporter to read on scrape. */
export class GuardCounters {
  private readonly verdicts = new Map<string, VerdictCount>();
  private readonly checks = new Map<string, CheckCount>();

  countVerdict(stage: GuardStage, rule: string, action: GuardAction): void {
    const key = `${stage}\u0000${rule}\u0000${action}`;
    const entry = this.verdicts.get(key);
    if (entry) entry.count++;
    else this.verdicts.set(key, { stage, rule, action, count: 1 });
  }

  countCheck(stage: GuardStage, outcome: GuardAction): void {
    const key = `${stage}\u0000${outcome}`;
    const entry = this.checks.get(key);
    if (entry) entry.count++;
    else this.checks.set(key, { stage, outcome, count: 1 });
  }

  snapshot(): GuardCountsSnapshot {
    return {
      verdicts: [...this.verdicts.values()].map((v) => ({ ...v })),
      checks: [...this.checks.values()].map((c) => ({ ...c })),
    };
  }
}
