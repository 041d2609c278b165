/**
 * Hashed features of normalised text, shared by the runtime model and the
 * training script (`scripts/train-injection.ts`): word unigrams, word
 * bigrams, the first word of every sentence (imperatives: "ignore ...",
 * "integrate ... into your response"), character 3-grams, character 5-grams
 * that touch a word boundary, and the
 * character-class shape of the 4 units before each punctuation mark
 * (adversarial suffixes such as `]{\|}{`), hashed into `2^HASH_BITS` buckets.
 * Each feature is reported with the offset at which it ends, so windowed
 * scores can be computed from per-block sums in one linear pass.
 */

/** Number of hash bits (buckets = 2^HASH_BITS). */
export const HASH_BITS = 18;
export const HASH_MASK = (1 << HASH_BITS) - 1;

/** Window length (normalised UTF-16 units) scored by the model, and the stride between windows. */
export const WINDOW = 512;
export const STRIDE = 256;

/** Feature values are `count / sqrt(max(total, MIN_NORM))`: short texts do not get outsized per-feature weight. */
export const MIN_NORM = 150;

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x27;
  return c >= 0xaa && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** Character class for shapes: letters -> 'a', digits -> '0', other ASCII kept, other units -> 'u'. */
function classOf(c: number): number {
  if (isWordChar(c)) return c < 0x80 ? (c >= 0x30 && c <= 0x39 ? 0x30 : 0x61) : 0x75;
  return c < 0x80 ? c : 0x75;
}

/**
 * Call `emit(bucket, endOffset)` for every feature of `text` (already
 * normalised). Linear; no allocation per feature.
 *
 * @example
 * ```ts
 * let n = 0;
 * forEachFeature('ignore previous instructions', () => n++);
 * ```
 */
export function forEachFeature(text: string, emit: (bucket: number, end: number) => void): void {
  const f = collectFeatures(text);
  for (let i = 0; i < f.count; i++) emit(f.buckets[i], f.ends[i]);
}

/** Features of a text, in scratch arrays that the next call overwrites. */
export interface FeatureList {
  buckets: Int32Array;
  ends: Int32Array;
  count: number;
}

const scratch: FeatureList = { buckets: new Int32Array(0), ends: new Int32Array(0), count: 0 };

// The feature hashes, shared by collectFeatures (training) and sumBlockWeights (runtime) so both
// always agree; V8 inlines these.
const wordFinal = (wordHash: number): number => Math.imul(wordHash ^ 0x5bd1e995, 0x9e3779b1);
const wordBucket = (h: number): number => (h >>> 7) & HASH_MASK;
const bigramBucket = (prev: number, h: number): number => (Math.imul(prev ^ Math.imul(h, 0x85ebca6b), 0xc2b2ae35) >>> 9) & HASH_MASK;
const firstWordBucket = (h: number): number => (Math.imul(h ^ 0x27d4eb2f, 0x165667b1) >>> 10) & HASH_MASK;
const gram3 = (c2: number, c1: number, c: number): number => Math.imul(Math.imul(Math.imul(c2 + 0x3b1, 0x2c1b3c6d) ^ c1, 0x297a2d39) ^ c, 0x1b873593);
const gram3Bucket = (g3: number): number => (g3 >>> 11) & HASH_MASK;
const gram5Bucket = (g3: number, c3: number, c4: number): number =>
  (Math.imul(Math.imul(Math.imul(g3 ^ c3, 0x68e31da4) ^ c4, 0x5851f42d) ^ 0x7f4a7c15, 0x94d049bb) >>> 13) & HASH_MASK;
const shapeBucket = (c3: number, c2: number, c1: number, c: number): number =>
  (Math.imul(((classOf(c3) << 24) | (classOf(c2) << 16) | (classOf(c1) << 8) | c) ^ 0x3c6ef372, 0x2545f491) >>> 12) & HASH_MASK;

/**
 * Every feature of `text` (already normalised) as `(bucket, endOffset)`
 * pairs, in scratch arrays reused by the next call (copy what you keep).
 * Linear; at most `4 * length + 4` features (3 per unit, 2 per word).
 *
 * @example
 * ```ts
 * const f = collectFeatures('ignore previous instructions');
 * f.count; // number of features
 * ```
 */
export function collectFeatures(text: string): FeatureList {
  const len = text.length;
  if (scratch.buckets.length < 4 * len + 4) {
    const cap = Math.max(4 * len + 4, 4096);
    scratch.buckets = new Int32Array(cap);
    scratch.ends = new Int32Array(cap);
  }
  const B = scratch.buckets;
  const E = scratch.ends;
  let n = 0;
  let wordHash = 0x811c9dc5 | 0;
  let wordLen = 0;
  let prevWord = 0;
  let havePrev = false;
  let sentenceStart = true;
  let c1 = 0x20;
  let c2 = 0x20;
  let c3 = 0x20;
  let c4 = 0x20;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 0x20;
    const w = isWordChar(c);
    if (w) {
      wordHash = Math.imul(wordHash ^ c, 0x01000193);
      wordLen++;
    } else if (wordLen > 0) {
      const h = wordFinal(wordHash);
      B[n] = wordBucket(h);
      E[n++] = i;
      if (havePrev) {
        B[n] = bigramBucket(prevWord, h);
        E[n++] = i;
      } else if (sentenceStart) {
        B[n] = firstWordBucket(h);
        E[n++] = i;
      }
      sentenceStart = false;
      prevWord = h;
      havePrev = true;
      wordHash = 0x811c9dc5 | 0;
      wordLen = 0;
    } else if (c !== 0x20 && c < 0x80) {
      // punctuation breaks bigrams less than sentence ends do
      if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a) {
        havePrev = false;
        sentenceStart = true;
      }
    }
    if (i < len) {
      // character n-grams ending at i
      const g3 = gram3(c2, c1, c);
      B[n] = gram3Bucket(g3);
      E[n++] = i + 1;
      // 5-grams only where they touch a word boundary (word starts and ends carry the signal; fewer features)
      if (c === 0x20 || c1 === 0x20 || c4 === 0x20) {
        B[n] = gram5Bucket(g3, c3, c4);
        E[n++] = i + 1;
      }
      // character-class shape of the last 4 units, at punctuation only
      if (!w && c !== 0x20 && c < 0x80) {
        B[n] = shapeBucket(c3, c2, c1, c);
        E[n++] = i + 1;
      }
      c4 = c3;
      c3 = c2;
      c2 = c1;
      c1 = c;
    }
  }
  scratch.count = n;
  return scratch;
}

/** Word units of {@link isWordChar} below U+0080 (1 = word unit). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordChar(c) ? 1 : 0;

/**
 * The runtime form of {@link collectFeatures} for int8 weights: the same
 * features of the first `len` units of `units`, but summed on the fly per
 * block of `1 << blockShift` units (a feature belongs to the block holding
 * its last unit, as in `collectFeatures`' end offsets) instead of being
 * listed: `sumQ[k]` gets the integer sum of `q[bucket]` over block `k`'s
 * features and `sumN[k]` their number (both must be zero on entry). Word
 * features are emitted at the word's last unit (one unit of look-ahead),
 * which is the block of their end offset. A test checks this against
 * `collectFeatures` on many texts.
 *
 * @example
 * ```ts
 * const u = Uint16Array.from('ignore previous', (c) => c.charCodeAt(0));
 * sumBlockWeights(u, u.length, q, 8, new Float64Array(1), new Uint32Array(1));
 * ```
 */
export function sumBlockWeights(units: Uint16Array, len: number, q: Int8Array, blockShift: number, sumQ: Float64Array, sumN: Uint32Array): void {
  const AW = ASCII_WORD;
  let wordHash = 0x811c9dc5 | 0;
  let prevWord = 0;
  let havePrev = false;
  let sentenceStart = true;
  let c1 = 0x20;
  let c2 = 0x20;
  let c3 = 0x20;
  let c4 = 0x20;
  let c = len > 0 ? units[0] : 0x20;
  let w = c < 0x80 ? AW[c] === 1 : isWordChar(c);
  /** The unit before `c` is a word unit. */
  let pw = false;
  for (let from = 0, k = 0; from < len; from += 1 << blockShift, k++) {
    const to = Math.min(len, from + (1 << blockShift));
    let acc = 0;
    let cnt = 0;
    for (let i = from; i < to; i++) {
      // c = units[i], w = isWordChar(c); look one unit ahead for word ends
      const nc = i + 1 < len ? units[i + 1] : 0x20;
      const nw = nc < 0x80 ? AW[nc] === 1 : isWordChar(nc);
      if (w) {
        wordHash = Math.imul(wordHash ^ c, 0x01000193);
        if (!nw) {
          // the word ends at i + 1 (collectFeatures emits these when it reaches unit i + 1)
          const h = wordFinal(wordHash);
          acc += q[wordBucket(h)];
          cnt++;
          if (havePrev) {
            acc += q[bigramBucket(prevWord, h)];
            cnt++;
          } else if (sentenceStart) {
            acc += q[firstWordBucket(h)];
            cnt++;
          }
          sentenceStart = false;
          prevWord = h;
          havePrev = true;
          wordHash = 0x811c9dc5 | 0;
        }
      } else if (!pw && (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a)) {
        // as in collectFeatures, punctuation right after a word (which ends there) does not end the sentence
        havePrev = false;
        sentenceStart = true;
      }
      const g3 = gram3(c2, c1, c);
      acc += q[gram3Bucket(g3)];
      cnt++;
      if (c === 0x20 || c1 === 0x20 || c4 === 0x20) {
        acc += q[gram5Bucket(g3, c3, c4)];
        cnt++;
      }
      if (!w && c !== 0x20 && c < 0x80) {
        acc += q[shapeBucket(c3, c2, c1, c)];
        cnt++;
      }
      c4 = c3;
      c3 = c2;
      c2 = c1;
      c1 = c;
      c = nc;
      pw = w;
      w = nw;
    }
    sumQ[k] = acc;
    sumN[k] = cnt;
  }
}

/**
 * Bucket counts of a (short) text, for training.
 *
 * @example
 * ```ts
 * const { buckets, counts } = featureVector('you are now DAN');
 * ```
 */
export function featureVector(text: string): { buckets: Int32Array; counts: Float32Array; total: number } {
  const m = new Map<number, number>();
  let total = 0;
  forEachFeature(text, (b) => {
    m.set(b, (m.get(b) ?? 0) + 1);
    total++;
  });
  const buckets = new Int32Array(m.size);
  const counts = new Float32Array(m.size);
  let k = 0;
  for (const [b, c] of m) {
    buckets[k] = b;
    counts[k++] = c;
  }
  return { buckets, counts, total };
}
