/** The longest delay a timer can wait (setTimeout's limit); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One request's deadline, counted from when the request started, shared out between the stages
 * that may call a remote model. Without a deadline every stage may take as long as it needs.
 */
export class DeadlineBudget {
  constructor(
    private readonly deadlineMs: number | undefined,
    private readonly started: number,
  ) {}

  /** What is left of the deadline, minus a reserve for the fallback, the output check and storing. */
  forAnswer(): number {
    const deadlineMs = this.deadlineMs ?? Number.POSITIVE_INFINITY;
    return Math.min(
      MAX_TIMER_MS,
      deadlineMs - (performance.now() - this.started) - deadlineReserve(deadlineMs),
    );
  }

  /** Query rewriting may call an LLM too: it gets a third of the deadline, then the topic is used as is. */
  forRewrite(): number {
    if (this.deadlineMs === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.deadlineMs / 3 - (performance.now() - this.started));
  }
}

function deadlineReserve(deadlineMs: number): number {
  return Number.isFinite(deadlineMs) ? Math.min(1_500, Math.max(250, deadlineMs * 0.15)) : 0;
}

/** What `work` gives, or `fallback` when it fails or has not finished within `budgetMs`. */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number, fallback: T): Promise<T> {
  if (!Number.isFinite(budgetMs)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), budgetMs);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
