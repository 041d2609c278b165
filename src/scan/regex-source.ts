/**
 * Reading regular-expression sources: used where a scanner derives a cheap
 * prefilter from the patterns it runs (injection rule words, cue heads).
 */

/**
 * `src` split at its top-level `|` (not inside a group or a class), or
 * undefined when its parentheses do not balance.
 *
 * @example
 * ```ts
 * splitTopLevel('a|(?:b|c)|[|]'); // ['a', '(?:b|c)', '[|]']
 * ```
 */
export function splitTopLevel(src: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let cls = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (cls) {
      if (c === ']') cls = false;
      continue;
    }
    if (c === '[') cls = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return depth === 0 ? out : undefined;
}
