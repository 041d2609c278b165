import type { Finding } from '../scan/types.js';
import type { OutputScanner } from './types.js';

export interface SystemPromptScannerOptions {
  /** Shortest verbatim fragment (in normalised characters) that counts as a leak. Default 40. */
  minOverlapChars?: number;
  /**
   * Bound announced to the stream filter. Default `max(2 × prompt length, minOverlapChars)`:
   * a copy of the prompt (even twice over) fits; longer runs are split by the filter's hold limit.
   */
  maxMatchLength?: number;
}

// Two polynomial hashes modulo primes below 2^26, combined into one exact double (< 2^52).
const P1 = 67108859;
const P2 = 67108837;
const B1 = 65599;
const B2 = 1000003 % P2;
const SHIFT = 67108864; // 2^26

function isWs(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const lowerCache = new Map<number, number>();
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c; // keep one code unit per character so offsets map 1:1
    lowerCache.set(c, l);
  }
  return l;
}

interface Normalized {
  codes: number[];
  /** Index in the original text of each normalised character. */
  map: number[];
}

/** Lower-cases and collapses each whitespace run to one space, from `from` on (the char before decides the first collapse). */
function normalize(text: string, from: number): Normalized {
  const codes: number[] = [];
  const map: number[] = [];
  let prevWs = from > 0 && isWs(text.charCodeAt(from - 1));
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) {
      if (!prevWs) {
        codes.push(32);
        map.push(i);
      }
      prevWs = true;
    } else {
      codes.push(lower(c));
      map.push(i);
      prevWs = false;
    }
  }
  return { codes, map };
}

/** Calls `each(p, key)` for every k-gram of `codes` in order, in O(codes.length). */
function kgrams(codes: readonly number[], k: number, each: (p: number, key: number) => void): void {
  if (codes.length < k) return;
  let pow1 = 1;
  let pow2 = 1;
  for (let i = 1; i < k; i++) {
    pow1 = (pow1 * B1) % P1;
    pow2 = (pow2 * B2) % P2;
  }
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i >= k) {
      const out = codes[i - k];
      h1 = (h1 - ((out * pow1) % P1) + P1) % P1;
      h2 = (h2 - ((out * pow2) % P2) + P2) % P2;
    }
    h1 = (h1 * B1 + codes[i]) % P1;
    h2 = (h2 * B2 + codes[i]) % P2;
    if (i >= k - 1) each(i - k + 1, h1 * SHIFT + h2);
  }
}

/**
 * Suffix automaton of the normalised prompt: walking a text through it gives,
 * in linear time, the longest suffix of the text that occurs in the prompt,
 * i.e. how much of the text's tail could still start a verbatim fragment.
 */
class SuffixAutomaton {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly link: number[] = [-1];
  private readonly len: number[] = [0];

  constructor(codes: readonly number[]) {
    let last = 0;
    for (const c of codes) {
      const cur = this.next.length;
      this.next.push(new Map());
      this.len.push(this.len[last] + 1);
      this.link.push(0);
      let p = last;
      while (p !== -1 && !this.next[p].has(c)) {
        this.next[p].set(c, cur);
        p = this.link[p];
      }
      if (p !== -1) {
        const q = this.next[p].get(c)!;
        if (this.len[p] + 1 === this.len[q]) this.link[cur] = q;
        else {
          const clone = this.next.length;
          this.next.push(new Map(this.next[q]));
          this.len.push(this.len[p] + 1);
          this.link.push(this.link[q]);
          while (p !== -1 && this.next[p].get(c) === q) {
            this.next[p].set(c, clone);
            p = this.link[p];
          }
          this.link[q] = clone;
          this.link[cur] = clone;
        }
      }
      last = cur;
    }
  }

  /** Length of the longest suffix of `codes[from..]` that is a substring of the prompt. */
  tailMatch(codes: readonly number[], from: number): number {
    let state = 0;
    let l = 0;
    for (let i = from; i < codes.length; i++) {
      const c = codes[i];
      while (state !== 0 && !this.next[state].has(c)) {
        state = this.link[state];
        l = this.len[state];
      }
      const t = this.next[state].get(c);
      if (t === undefined) l = 0;
      else {
        state = t;
        l++;
      }
    }
    return l;
  }
}

interface Analysis {
  norm: Normalized;
  /** Normalised `[start, end)` of each maximal run of overlapping or touching matched k-grams. */
  runs: Array<[number, number]>;
}

/**
 * Flags reply spans that reproduce a verbatim fragment of the system prompt of
 * at least `minOverlapChars` characters, after lower-casing and collapsing
 * whitespace. Linear time: the prompt's k-grams are hashed once into a set
 * (two 26-bit rolling hashes); the reply is normalised with an offset map and
 * its k-grams rolled through the set; matched k-grams that overlap or touch
 * are merged into one finding. For streaming, a suffix automaton of the
 * prompt tells how much of the reply's tail could still begin a fragment, so
 * ordinary text is held for a few characters only. Hash collisions can cause a false positive
 * with probability about 2^-52 per k-gram; there is no false negative.
 */
export function createSystemPromptScanner(systemPrompt: string, options: SystemPromptScannerOptions = {}): OutputScanner {
  const k = Math.max(1, Math.floor(options.minOverlapChars ?? 40));
  const grams = new Set<number>();
  const promptCodes = normalize(systemPrompt, 0).codes;
  kgrams(promptCodes, k, (_p, key) => grams.add(key));
  const automaton = grams.size > 0 ? new SuffixAutomaton(promptCodes) : undefined;
  const maxMatchLength = options.maxMatchLength ?? Math.max(2 * systemPrompt.length, k);

  let cacheText: string | undefined;
  let cacheFrom = 0;
  let cache: Analysis | undefined;
  const analyze = (text: string, from: number): Analysis => {
    if (cache && cacheText === text && cacheFrom === from) return cache;
    const norm = normalize(text, from);
    const runs: Array<[number, number]> = [];
    if (grams.size > 0) {
      kgrams(norm.codes, k, (p, key) => {
        if (!grams.has(key)) return;
        const last = runs[runs.length - 1];
        if (last && p <= last[1]) last[1] = p + k;
        else runs.push([p, p + k]);
      });
    }
    cacheText = text;
    cacheFrom = from;
    cache = { norm, runs };
    return cache;
  };

  return {
    name: 'system-prompt',
    maxMatchLength,
    scan(text: string, from = 0): Finding[] {
      const { norm, runs } = analyze(text, from);
      const out: Finding[] = [];
      for (let [s, e] of runs) {
        // spans start and end on text, not on the whitespace around it
        if (norm.codes[s] === 32) s++;
        if (norm.codes[e - 1] === 32) e--;
        if (e <= s) continue;
        out.push({
          detector: 'system-prompt',
        ruleId: 'system-prompt.verbatim',
        type: 'system_prompt',
        score: 1,
        message: `Reply reproduces ${e - s} characters of the system prompt`,
          start: norm.map[s],
          end: norm.map[e - 1] + 1,
        });
      }
      return out;
    },
    pendingFrom(text: string): number {
      if (!automaton) return text.length;
      const { norm, runs } = cache && cacheText === text ? cache : analyze(text, 0);
      const n = norm.codes.length;
      // A future k-gram starts at some t with codes[t..n) occurring in the prompt (and fewer than k chars long).
      const open = Math.min(k - 1, automaton.tailMatch(norm.codes, Math.max(0, n - k + 1)));
      const t = n - open;
      const last = runs[runs.length - 1];
      if (last && last[1] >= t) return norm.map[last[0]]; // the run may still merge with it
      return t >= n ? text.length : norm.map[t];
    },
  };
}
