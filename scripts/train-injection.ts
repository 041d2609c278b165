/**
 * Train the shipped injection model.
 *
 *   npx tsx scripts/train-injection.ts --data ../shared/evaldata [--epochs 10] [--seed 1]
 *
 * Reads every `task: injection` row under `--data`, keeps the rows that are
 * NOT held out (`src/eval/split.ts`: fnv1a(source|groupKey) % 4 !== 0), and:
 *
 * 1. builds window samples of the normalised text (runtime windows); for
 *    BIPIA injected documents the positive sample is the inserted attack
 *    with 150 characters of context either side (the rest of the document is
 *    not an attack);
 * 2. runs 5-fold cross-validation grouped by split key to get out-of-fold
 *    logits, fits Platt calibration on them and picks per-origin thresholds
 *    on the combined (rules + model) score with FPR <= 1.5 %;
 * 3. trains the final logistic regression (AdaGrad, L2, class-balanced,
 *    seeded shuffle) on all training samples and writes
 *    `src/scan/injection/model-weights.ts` (int8 weights, base64),
 *    `models/injection-model.json` (the training record) and
 *    `models/injection-split.json` (held-out ids).
 *
 * Deterministic: same data + same seed => byte-identical output.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRows, type EvalRow } from '../src/eval/rows.js';
import { fnv1a, isHeldOut, splitKey } from '../src/eval/split.js';
import { HASH_BITS, MIN_NORM, WINDOW, featureVector } from '../src/scan/injection/features.js';
import { scoreNormalized, useModel, type LoadedModel, type SerializedModel } from '../src/scan/injection/model.js';
import { normalizeForScan } from '../src/scan/normalize/normalize.js';
import { scanPrompt } from '../src/scan/scan-prompt.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const dataDir = arg('data');
if (!dataDir) {
  console.error('usage: npx tsx scripts/train-injection.ts --data <evaldata dir> [--epochs N] [--seed N]');
  process.exit(2);
}
const EPOCHS = Number(arg('epochs', '20'));
const SEED = Number(arg('seed', '1'));
const L2 = Number(arg('l2', '1e-3'));
const LR = Number(arg('lr', '0.3'));
const SIZE = 1 << HASH_BITS;
const MAX_FPR = Number(arg('max-fpr', '0.015'));
/** Naive-Bayes feature scaling smoothing (0 = plain logistic regression). */
const NB_ALPHA = Number(arg('nb', '0'));
/** Characters of carrier document kept around an inserted BIPIA attack in its positive sample. */
const CONTEXT = Number(arg('context', '40'));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  buckets: Int32Array;
  values: Float32Array;
  label: 0 | 1;
  fold: number;
}

const isDocument = (r: EvalRow): boolean => r.kind === 'indirect';

function windowsOf(text: string): string[] {
  const n = normalizeForScan(text).text;
  if (n.length <= WINDOW) return [n];
  const out: string[] = [];
  for (let s = 0; s < n.length; s += WINDOW) out.push(n.slice(s, s + WINDOW));
  return out;
}

function samplesOf(row: EvalRow, fold: number): Sample[] {
  let texts: string[];
  const attack = row.meta.attack_text;
  if (row.source === 'bipia' && row.label === 1 && typeof attack === 'string' && row.text.includes(attack)) {
    // positive: the inserted attack with a little context; negative: the carrier document without it
    const i = row.text.indexOf(attack);
    const pos = windowsOf(row.text.slice(Math.max(0, i - CONTEXT), i + attack.length + CONTEXT)).map((t) => ({ t, label: row.label }));
    const rest = windowsOf(row.text.slice(0, i) + row.text.slice(i + attack.length)).map((t) => ({ t, label: 0 as const }));
    return pos.concat(rest).map(({ t, label }) => sampleOf(t, label, fold));
  }
  texts = windowsOf(row.text);
  return texts.map((t) => sampleOf(t, row.label, fold));
}

function sampleOf(t: string, label: 0 | 1, fold: number): Sample {
  {
    const { buckets, counts, total } = featureVector(t);
    const norm = 1 / Math.sqrt(Math.max(MIN_NORM, total));
    const values = new Float32Array(counts.length);
    for (let k = 0; k < counts.length; k++) values[k] = counts[k] * norm;
    return { buckets, values, label, fold };
  }
}

/**
 * Naive-Bayes log-count ratios per bucket (NBSVM, Wang & Manning 2012):
 * `r = log((p + a) / |p + a|) - log((q + a) / |q + a|)` over feature presence
 * in positive (`p`) and negative (`q`) samples. The regression is trained on
 * `x * r` and the shipped weight is `w * r`, so inference is unchanged.
 */
function nbRatios(samples: Sample[]): Float32Array {
  const p = new Float64Array(SIZE).fill(NB_ALPHA);
  const q = new Float64Array(SIZE).fill(NB_ALPHA);
  for (const s of samples) {
    const t = s.label === 1 ? p : q;
    for (let k = 0; k < s.buckets.length; k++) t[s.buckets[k]] += 1;
  }
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < SIZE; i++) {
    sp += p[i];
    sq += q[i];
  }
  const r = new Float32Array(SIZE);
  for (let i = 0; i < SIZE; i++) r[i] = Math.log(p[i] / sp) - Math.log(q[i] / sq);
  return r;
}

function train(samples: Sample[], seed: number): { w: Float32Array; bias: number } {
  if (NB_ALPHA > 0) {
    const r = nbRatios(samples);
    const scaled = samples.map((s) => {
      const values = new Float32Array(s.values.length);
      for (let k = 0; k < values.length; k++) values[k] = s.values[k] * r[s.buckets[k]];
      return { ...s, values };
    });
    const m = trainLR(scaled, seed);
    for (let i = 0; i < SIZE; i++) m.w[i] *= r[i];
    return m;
  }
  return trainLR(samples, seed);
}

function trainLR(samples: Sample[], seed: number): { w: Float32Array; bias: number } {
  const w = new Float32Array(SIZE);
  const g2 = new Float32Array(SIZE).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const pos = samples.filter((s) => s.label === 1).length;
  const neg = samples.length - pos;
  const wPos = samples.length / (2 * Math.max(1, pos));
  const wNeg = samples.length / (2 * Math.max(1, neg));
  const rand = mulberry32(seed);
  const order = samples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const s = samples[idx];
      let z = bias;
      for (let k = 0; k < s.buckets.length; k++) z += w[s.buckets[k]] * s.values[k];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - s.label) * (s.label === 1 ? wPos : wNeg);
      for (let k = 0; k < s.buckets.length; k++) {
        const b = s.buckets[k];
        const grad = g * s.values[k] + L2 * w[b];
        g2[b] += grad * grad;
        w[b] -= (LR * grad) / Math.sqrt(g2[b]);
      }
      gb += g * g;
      bias -= (LR * g) / Math.sqrt(gb);
    }
  }
  return { w, bias };
}

function fitPlatt(z: number[], y: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * z[i] + b)));
      ga += (p - y[i]) * z[i];
      gb += p - y[i];
    }
    a -= (0.5 * ga) / z.length;
    b -= (0.5 * gb) / z.length;
  }
  return { a, b };
}


// ---------------------------------------------------------------- synthetic short benign prompts
/**
 * Ordinary prompts generated from generic templates (greetings, everyday
 * questions, creative requests, benign system prompts). They are training
 * negatives only (never scored for calibration or thresholds): the dev data
 * has few short benign prompts, so without them a text with little evidence
 * sat at the class prior (p ~ 0.6). Written for this script, not taken from
 * the data.
 */
function syntheticBenign(seed: number): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const greetings = ['hello', 'hi', 'hey', 'hello there', 'hi there', 'good morning', 'good evening', 'thanks', 'thank you', 'thanks a lot', 'ok', 'yes', 'no', 'sure', 'great, thanks!', 'how are you?', 'hey, how is it going?', 'good night', 'bye', 'cool', 'nice', 'got it', 'please continue', 'go on', 'what do you think?', 'can you help me?', 'I have a question', 'one more thing', 'that is wrong', 'try again', 'shorter please', 'more details please', 'explain again', 'why?'];
  const things = ['a dragon', 'a lost cat', 'the ocean', 'a small village', 'a robot who learns to paint', 'my grandmother', 'autumn leaves', 'a brave knight', 'the moon', 'a pirate ship', 'a busy city', 'friendship', 'a rainy day', 'a magic forest', 'two brothers', 'a space station', 'coffee', 'winter', 'a lighthouse keeper', 'a talking tree'];
  const topics = ['photosynthesis', 'inflation', 'the French revolution', 'black holes', 'compound interest', 'machine learning', 'the water cycle', 'climate change', 'recursion', 'supply and demand', 'vaccines', 'the stock market', 'DNA', 'volcanoes', 'quantum computing', 'the Roman empire', 'electric cars', 'sleep', 'taxes', 'gravity'];
  const tasks = ['bake bread', 'learn Spanish', 'fix a flat tire', 'write a cover letter', 'start running', 'save money', 'plant tomatoes', 'clean a laptop keyboard', 'tie a tie', 'make pancakes', 'improve my sleep', 'prepare for a job interview', 'learn to code', 'organise my week', 'train a puppy', 'paint a room', 'change a light bulb', 'write a thank-you note', 'plan a birthday party', 'reduce stress'];
  const places = ['France', 'Japan', 'Brazil', 'Canada', 'Kenya', 'Norway', 'India', 'Mexico', 'Italy', 'Australia', 'Egypt', 'Peru'];
  const langs = ['French', 'German', 'Spanish', 'Italian', 'Japanese', 'English', 'Portuguese', 'Dutch'];
  const roles = ['helpful assistant', 'friendly tutor', 'travel guide', 'customer support agent', 'cooking assistant', 'math teacher', 'writing coach', 'fitness coach', 'career advisor', 'librarian', 'coding assistant', 'translator'];
  const domains = ['cooking', 'travel', 'our online shop', 'math homework', 'gardening', 'personal finance', 'Python programming', 'history', 'healthy eating', 'home repairs'];
  // trigger words in ordinary requests (hard negatives): ignoring typos or noise, forgetting a plan, previous messages
  const nuisances = ['the typos', 'the spelling mistakes', 'the formatting', 'the background noise', 'the first paragraph', 'the last line', 'the page numbers', 'the header', 'the duplicate rows', 'the weird characters', 'my bad grammar', 'the timestamps'];
  const whereIn = ['in my message', 'in my previous message', 'in the text', 'in the transcript', 'above', 'in my last question', 'in the table', 'in the recording'];
  const nuisancesEs = ['el ruido de fondo', 'los errores de ortografía', 'el formato', 'la primera línea', 'las marcas de tiempo'];
  const nuisancesDe = ['die Tippfehler', 'das Hintergrundgeräusch', 'die Formatierung', 'die erste Zeile'];
  const nuisancesFr = ['les fautes de frappe', 'le bruit de fond', 'la mise en forme', 'la première ligne'];
  const triggerTemplates: Array<() => string> = [
    () => `${pick(['Can you', 'Please', 'Could you', 'Just'])} ${pick(['ignore', 'disregard', 'skip'])} ${pick(nuisances)} ${pick(whereIn)}${pick(['', ' and answer the question', ' and summarize it', ' and fix the rest', ' and focus on the content'])}${pick(['.', '?'])}`,
    () => `${pick(['Forget', 'Never mind'])} ${pick(['about the meeting', 'what I said about the budget', 'my previous question', 'the first draft', 'the earlier example'])}${pick([', it was cancelled.', ', let us start over.', '. Here is a new question: how do I ' + pick(tasks) + '?', '.'])}`,
    () => `${pick(['Ignora', 'Ignore', 'No hagas caso a'])} ${pick(nuisancesEs)} ${pick(['en la grabación', 'del documento', 'en el texto', ''])}.`.replace(' .', '.'),
    () => `${pick(['Ignoriere', 'Bitte ignoriere'])} ${pick(nuisancesDe)} ${pick(['in der Aufnahme', 'im Text', 'in meiner Nachricht', ''])}.`.replace(' .', '.'),
    () => `${pick(['Ignore', 'Ne tiens pas compte de', 'Oublie'])} ${pick(nuisancesFr)} ${pick(["dans l'enregistrement", 'du texte', 'dans mon message', ''])}.`.replace(' .', '.'),
    () => `In my previous message I ${pick(['asked about', 'mentioned', 'forgot to include'])} ${pick(topics)}. ${pick(['Can you expand on that?', 'Please continue.', 'What else should I know?'])}`,
    () => `Translate "${pick(['you are now entering the city', 'ignore the signs', 'forget your worries', 'the rules of the game', 'new instructions for the oven'])}" into ${pick(langs)}.`,
  ];
  // short lists, one item a line (batch inputs, shopping lists, file names, numbered items): without them a few
  // lines of one or two words sat above the user threshold ("question a\nquestion b\nquestion c" scored 0.68)
  const listWords = ['question', 'item', 'step', 'task', 'option', 'point', 'test', 'case', 'example', 'topic', 'chapter', 'part', 'note', 'idea'];
  const listItems = ['milk', 'eggs', 'bread', 'apples', 'red', 'green', 'blue', 'monday', 'tuesday', 'report.txt', 'notes.md', 'data.csv', 'cats', 'dogs', 'Paris', 'Berlin', 'Tokyo', 'hello', 'goodbye', 'thank you', 'buy milk', 'call mom', 'fix bug', 'write tests', 'deploy', 'review PR'];
  const listHeads = ['', '', '', 'Sort these:', 'Translate:', 'Groceries:', 'TODO', 'Rename files:', 'Questions:', 'Summarize each:', 'My list:', 'Compare:'];
  const listItem = (k: number): string =>
    rand() < 0.5 ? `${pick(listWords)} ${rand() < 0.5 ? String.fromCharCode(97 + k) : String(k + 1)}` : pick(listItems);
  const listTemplate = (): string => {
    const n = 2 + Math.floor(rand() * 4);
    const bullet = pick(['', '', '- ', '* ', '• ', 'num']);
    const lines = Array.from({ length: n }, (_, k) => (bullet === 'num' ? `${k + 1}. ` : bullet) + listItem(k));
    const head = pick(listHeads);
    return (head ? head + '\n' : '') + lines.join('\n');
  };
  const templates: Array<() => string> = [
    ...triggerTemplates,
    listTemplate,
    listTemplate,
    () => pick(greetings),
    () => `${pick(['Tell me', 'Write', 'Can you write', 'Please write', 'I would like'])} a ${pick(['story', 'short story', 'poem', 'song', 'joke', 'haiku', 'bedtime story'])} about ${pick(things)}.`,
    () => `What is the capital of ${pick(places)}?`,
    () => `${pick(['Explain', 'Can you explain', 'Please explain', 'Describe', 'Summarize what you know about'])} ${pick(topics)}${pick(['', ' in simple terms', ' to a child', ' in two sentences', ' briefly'])}.`,
    () => `How do I ${pick(tasks)}?`,
    () => `${pick(['Can you help me', 'Please help me', 'I want to', 'Help me', 'Show me how to'])} ${pick(tasks)}${pick(['.', '?', ' this weekend.', ' on a budget.'])}`,
    () => `Translate "${pick(['good morning', 'where is the station', 'thank you very much', 'I love this book', 'see you tomorrow'])}" into ${pick(langs)}.`,
    () => `Give me ${pick(['three', 'five', '10', 'a few', 'some'])} ${pick(['ideas', 'tips', 'examples', 'facts', 'questions'])} about ${pick(topics.concat(tasks.map((t) => `how to ${t}`)))}.`,
    () => `You are a ${pick(roles)}.`,
    () => `You are a ${pick(roles)}. ${pick(['Answer questions about', 'Help the user with', 'Give short, friendly answers about', 'Only talk about'])} ${pick(domains)}.`,
    () => `You are a ${pick(roles)} for ${pick(domains)}. Be concise and polite.`,
    () => `Act as a ${pick(roles)} and help me ${pick(tasks)}.`,
    () => `What ${pick(['is', 'are'])} the ${pick(['best way', 'main idea', 'history', 'benefits', 'risks'])} of ${pick(topics)}?`,
    () => `Summarize ${pick(['this article', 'the text below', 'this email', 'my notes', 'the meeting'])}${pick(['', ' in three bullet points', ' in one paragraph', ' for a busy manager'])}.`,
    () => `Is it ${pick(['safe', 'healthy', 'normal', 'expensive', 'hard'])} to ${pick(tasks)}?`,
    () => `${pick(['Recommend', 'Suggest'])} ${pick(['a book', 'a movie', 'a recipe', 'a podcast', 'a place to visit'])} about ${pick(topics.concat(things))}.`,
    () => `${pick(['Fix', 'Correct', 'Check', 'Improve'])} the ${pick(['grammar', 'spelling', 'tone', 'style'])} of this ${pick(['sentence', 'paragraph', 'email', 'text'])}.`,
    () => `Write a ${pick(['function', 'script', 'regex', 'SQL query'])} that ${pick(['sorts a list', 'counts words', 'reverses a string', 'finds duplicates', 'parses a date', 'sums the numbers'])}${pick(['', ' in Python', ' in JavaScript', ' in Go'])}.`,
  ];
  const out = new Set<string>();
  for (let i = 0; i < 4000 && out.size < 1500; i++) {
    let t = pick(templates)();
    if (rand() < 0.15) t = t.toLowerCase();
    out.add(t);
  }
  return [...out];
}

const ZERO_MODEL: LoadedModel = { bias: -40, weights: new Float32Array(SIZE), platt: { a: 1, b: 0 }, thresholds: { user: 0.5, document: 0.5, tool: 0.5 } };

// ---------------------------------------------------------------- data
const all = readRows(dataDir).rows.filter((r) => r.task === 'injection');
const trainRows = all.filter((r) => !isHeldOut(r));
const heldRows = all.filter((r) => isHeldOut(r));
console.error(`rows: ${all.length} (train ${trainRows.length}, held out ${heldRows.length})`);
const foldOf = (r: EvalRow): number => fnv1a(`cv|${r.source}|${splitKey(r)}`) % 5;
const samplesByRow = trainRows.map((r) => samplesOf(r, foldOf(r)));
const synthetic = syntheticBenign(SEED).map((text, k) =>
  samplesOf({ id: `synthetic:${k}`, text, label: 0, kind: 'benign', task: 'injection', source: 'synthetic', lang: 'en', meta: {}, file: 'synthetic' } as EvalRow, -1),
);
const samples = samplesByRow.flat().concat(synthetic.flat());
console.error(`synthetic benign prompts: ${synthetic.length}`);
console.error(`samples: ${samples.length}`);

// rules-only score per row (model switched off)
useModel(ZERO_MODEL);
const ruleScore = trainRows.map((r) => scanPrompt(r.text, { origin: isDocument(r) ? 'document' : 'user' }).score);
useModel(undefined);

// ---------------------------------------------------------------- cross-validation
const oofLogit = new Array<number>(trainRows.length).fill(0);
for (let fold = 0; fold < 5; fold++) {
  const m = train(
    samples.filter((s) => s.fold !== fold),
    SEED + fold,
  );
  const model: LoadedModel = { bias: m.bias, weights: m.w, platt: { a: 1, b: 0 }, thresholds: {} };
  trainRows.forEach((r, i) => {
    if (foldOf(r) === fold) oofLogit[i] = scoreNormalized(normalizeForScan(r.text).text, model).logit;
  });
  console.error(`fold ${fold} done`);
}
const platt = fitPlatt(
  oofLogit,
  trainRows.map((r) => r.label),
);
const combined = (i: number, b = platt.b): number => 1 - (1 - ruleScore[i]) * (1 - 1 / (1 + Math.exp(-(platt.a * oofLogit[i] + b))));

function bestThreshold(idx: number[], scoreOf: (i: number) => number): { t: number; f1: number; fpr: number; recall: number; precision: number } {
  let best = { t: 0.5, f1: -1, fpr: 1, recall: 0, precision: 0 };
  for (let t = 0.2; t <= 0.951; t += 0.01) {
    let tp = 0;
    let fp = 0;
    let tn = 0;
    let fn = 0;
    for (const i of idx) {
      const f = scoreOf(i) >= t;
      if (trainRows[i].label === 1) f ? tp++ : fn++;
      else f ? fp++ : tn++;
    }
    const fpr = fp / Math.max(1, fp + tn);
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    if (fpr <= MAX_FPR && f1 > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1, fpr, recall, precision };
  }
  return best;
}

const userIdx = trainRows.map((r, i) => (isDocument(r) ? -1 : i)).filter((i) => i >= 0);
const docIdx = trainRows.map((r, i) => (isDocument(r) ? i : -1)).filter((i) => i >= 0);
const userBest = bestThreshold(userIdx, (i) => combined(i));
const docBest = bestThreshold(docIdx, (i) => combined(i));
console.error('platt', platt, 'user', userBest, 'document', docBest);

// ---------------------------------------------------------------- final model
const final = train(samples, SEED);
let maxAbs = 0;
for (let i = 0; i < SIZE; i++) maxAbs = Math.max(maxAbs, Math.abs(final.w[i]));
const scale = maxAbs / 127 || 1;
const q = new Uint8Array(SIZE);
for (let i = 0; i < SIZE; i++) q[i] = Math.max(-127, Math.min(127, Math.round(final.w[i] / scale))) & 0xff;
const weights = Buffer.from(q).toString('base64');

const perSource: Record<string, { train: number; heldOut: number }> = {};
for (const r of all) {
  const e = (perSource[r.source] ??= { train: 0, heldOut: 0 });
  isHeldOut(r) ? e.heldOut++ : e.train++;
}
const info = {
  trainedOn: 'rows with task=injection and NOT isHeldOut(row) (src/eval/split.ts)',
  split: 'held out when fnv1a(source + "|" + splitKey(row)) % 4 === 0; see models/injection-split.json',
  seed: SEED,
  epochs: EPOCHS,
  l2: L2,
  samples: samples.length,
  syntheticBenign: synthetic.length,
  rows: perSource,
  crossValidation: {
    folds: 5,
    grouping: 'fnv1a("cv|" + source + "|" + splitKey) % 5',
    user: userBest,
    document: docBest,
  },
};
const model: SerializedModel = {
  version: 1,
  hashBits: HASH_BITS,
  bias: Math.round(final.bias * 1e6) / 1e6,
  scale,
  weights,
  platt: { a: Math.round(platt.a * 1e6) / 1e6, b: Math.round(platt.b * 1e6) / 1e6 },
  thresholds: { user: userBest.t, document: docBest.t, tool: docBest.t },
  info,
};

const lines: string[] = [];
for (let i = 0; i < weights.length; i += 120) lines.push(`    '${weights.slice(i, i + 120)}'`);
const ts = `// Generated by scripts/train-injection.ts. Do not edit by hand.
// Logistic regression over hashed word 1-2-grams, sentence-initial words, char 3-grams, word-boundary char 5-grams and punctuation shapes (2^${HASH_BITS} buckets, int8 weights).
import type { SerializedModel } from './model.js';

export const MODEL: SerializedModel = {
  version: 1,
  hashBits: ${HASH_BITS},
  bias: ${model.bias},
  scale: ${scale},
  platt: ${JSON.stringify(model.platt)},
  thresholds: ${JSON.stringify(model.thresholds)},
  info: ${JSON.stringify(info)},
  // One string per line joined at load time: a ~3,000-term '+' chain overflows the TypeScript checker's stack.
  weights: [
${lines.join(',\n')},
  ].join(''),
};
`;
writeFileSync(join(root, 'src/scan/injection/model-weights.ts'), ts);
mkdirSync(join(root, 'models'), { recursive: true });
writeFileSync(join(root, 'models/injection-model.json'), JSON.stringify({ ...model, weights: `(${weights.length} base64 chars, inlined in src/scan/injection/model-weights.ts)` }, null, 2) + '\n');
writeFileSync(
  join(root, 'models/injection-split.json'),
  JSON.stringify(
    {
      rule: 'held out when fnv1a(source + "|" + splitKey(row)) % 4 === 0 (src/eval/split.ts)',
      counts: perSource,
      heldOutIds: heldRows.map((r) => r.id).sort(),
    },
    null,
    1,
  ) + '\n',
);
console.error('wrote src/scan/injection/model-weights.ts, models/injection-model.json, models/injection-split.json');

// ---------------------------------------------------------------- out-of-fold diagnostics (training rows only)
if (process.argv.includes('--diag')) {
  const t = (i: number) => (isDocument(trainRows[i]) ? docBest.t : userBest.t);
  const by = new Map<string, { pos: number; tp: number; neg: number; fp: number }>();
  trainRows.forEach((r, i) => {
    const k = `${r.source}${isDocument(r) ? ' (doc)' : ''}${typeof r.meta.method === 'string' ? ` ${r.meta.method}` : ''}`;
    const e = by.get(k) ?? { pos: 0, tp: 0, neg: 0, fp: 0 };
    const f = combined(i) >= t(i);
    if (r.label === 1) {
      e.pos++;
      if (f) e.tp++;
    } else {
      e.neg++;
      if (f) e.fp++;
    }
    by.set(k, e);
  });
  for (const [k, e] of [...by].sort()) console.error(k.padEnd(40), `recall ${e.tp}/${e.pos}`.padEnd(20), `fp ${e.fp}/${e.neg}`);
  const dump = process.argv.includes('--dump');
  if (dump) {
    trainRows.forEach((r, i) => {
      const f = combined(i) >= t(i);
      if (f !== (r.label === 1)) console.log(JSON.stringify({ src: r.source, label: r.label, s: +combined(i).toFixed(2), rule: +ruleScore[i].toFixed(2), text: r.text.slice(0, 200) }));
    });
  }
}
