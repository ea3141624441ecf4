/**
 * The best `limit` of a stream of scored items, kept in a min-heap: higher score first, and for
 * equal scores the lower tie key. Costs O(n log limit) instead of sorting every scored item.
 */
export class TopHits {
  private readonly items: number[] = [];
  private readonly scores: number[] = [];
  private readonly keys: number[] = [];

  constructor(private readonly limit: number) {}

  offer(item: number, score: number, key: number): void {
    if (this.items.length < this.limit) {
      this.items.push(item);
      this.scores.push(score);
      this.keys.push(key);
      this.up(this.items.length - 1);
    } else if (this.items.length > 0 && this.ranksBefore(score, key, 0)) {
      this.items[0] = item;
      this.scores[0] = score;
      this.keys[0] = key;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  drain(): number[] {
    const order = this.items.map((_, i) => i);
    order.sort((a, b) => (this.ranksBefore(this.scores[a] as number, this.keys[a] as number, b) ? -1 : 1));
    return order.map((i) => this.items[i] as number);
  }

  /** Whether (score, key) ranks before the heap entry at `i`. */
  private ranksBefore(score: number, key: number, i: number): boolean {
    const other = this.scores[i] as number;
    return score > other || (score === other && key < (this.keys[i] as number));
  }

  private swap(i: number, j: number): void {
    for (const list of [this.items, this.scores, this.keys]) {
      const t = list[i] as number;
      list[i] = list[j] as number;
      list[j] = t;
    }
  }

  /** The root holds the worst kept entry. */
  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.ranksBefore(this.scores[parent] as number, this.keys[parent] as number, i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.ranksBefore(this.scores[worst] as number, this.keys[worst] as number, left))
        worst = left;
      if (right < n && this.ranksBefore(this.scores[worst] as number, this.keys[worst] as number, right))
        worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
