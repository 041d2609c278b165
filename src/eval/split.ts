/**
 * The deterministic held-back split used to train and report the injection
 * model. A row is held out when `fnv1a(source + '|' + groupKey) % 4 === 0`
 * (about 25 %). Group keys keep variants together so near-duplicates never
 * straddle the split:
 *
 * - bipia: injected rows by attack category (whole attack families are held
 *   out), clean rows by text;
 * - purplellama_prompt_injection: `meta.prompt_id` (translations together);
 * - jailbreakbench: `meta.goal` (all attack methods on one goal together);
 * - everything else: the text.
 */

/** The fields the split looks at. */
export interface SplitRow {
  text: string;
  source: string;
  meta?: Record<string, unknown>;
}

/**
 * 32-bit FNV-1a of a string's UTF-16 units.
 *
 * @example
 * ```ts
 * fnv1a('abc'); // 440920331
 * ```
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Group key of a row (see module doc).
 *
 * @example
 * ```ts
 * splitKey({ text: 'x', source: 'jailbreakbench', meta: { goal: 'g' } }); // 'goal:g'
 * ```
 */
export function splitKey(row: SplitRow): string {
  const m = row.meta ?? {};
  if (row.source === 'bipia' && m.injected === true && typeof m.attack_category === 'string') return `attack:${m.attack_category}`;
  if (row.source === 'purplellama_prompt_injection' && m.prompt_id !== undefined) return `prompt:${String(m.prompt_id)}`;
  if (row.source === 'jailbreakbench' && typeof m.goal === 'string') return `goal:${m.goal}`;
  return `text:${row.text}`;
}

/**
 * True when the row belongs to the held-back quarter.
 *
 * @example
 * ```ts
 * const test = rows.filter(isHeldOut);
 * ```
 */
export function isHeldOut(row: SplitRow): boolean {
  return fnv1a(`${row.source}|${splitKey(row)}`) % 4 === 0;
}
