/**
 * Aho-Corasick automaton over UTF-16 code units: all occurrences of a set of
 * exact strings in one linear pass, and the longest suffix of a text that is
 * still a prefix of some pattern (what a stream must hold back).
 */
export class AhoCorasick {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly depth: number[] = [0];
  /** Length of the pattern ending at this node, or 0. */
  private readonly terminal: number[] = [0];
  /** Nearest node on the fail chain (excluding itself) that is terminal, or -1. */
  private readonly outLink: number[] = [-1];
  readonly maxLength: number;

  constructor(patterns: readonly string[]) {
    let maxLength = 0;
    for (const p of patterns) {
      if (p.length === 0) continue;
      maxLength = Math.max(maxLength, p.length);
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = this.next[s].get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.depth.push(this.depth[s] + 1);
          this.terminal.push(0);
          this.outLink.push(-1);
          this.next[s].set(c, t);
        }
        s = t;
      }
      this.terminal[s] = p.length;
    }
    this.maxLength = maxLength;
    const queue: number[] = [];
    for (const t of this.next[0].values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const ft = this.fail[t];
        this.outLink[t] = this.terminal[ft] ? ft : this.outLink[ft];
        queue.push(t);
      }
    }
  }

  private step(s: number, c: number): number {
    for (;;) {
      const t = this.next[s].get(c);
      if (t !== undefined) return t;
      if (s === 0) return 0;
      s = this.fail[s];
    }
  }

  /** Calls `onMatch(start, end)` for every occurrence lying entirely in `text[from, ...)`. */
  findAll(text: string, from: number, onMatch: (start: number, end: number) => void): void {
    if (this.maxLength === 0) return;
    let s = 0;
    for (let i = Math.max(0, from); i < text.length; i++) {
      s = this.step(s, text.charCodeAt(i));
      for (let o = this.terminal[s] ? s : this.outLink[s]; o !== -1 && o !== 0; o = this.outLink[o]) {
        const end = i + 1;
        onMatch(end - this.terminal[o], end);
      }
    }
  }

  /**
   * Length of the longest suffix of `text` that can still grow into an
   * occurrence (a prefix of some pattern with a possible next character).
   * A suffix that is a complete pattern and cannot be extended is not open.
   */
  openSuffix(text: string): number {
    if (this.maxLength === 0) return 0;
    let s = 0;
    for (let i = Math.max(0, text.length - this.maxLength); i < text.length; i++) s = this.step(s, text.charCodeAt(i));
    while (s !== 0 && this.next[s].size === 0) s = this.fail[s];
    return this.depth[s];
  }
}
