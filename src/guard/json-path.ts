/** A location inside a JSON request or response body. */
export type JsonPath = readonly (string | number)[];

/**
 * Returns a copy of `root` with `value` written at `path`, copying only the
 * containers along the path so the caller's object is never mutated and
 * non-JSON members (functions, class instances) elsewhere survive untouched.
 */
export function setAtPath<T>(root: T, path: JsonPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const container: any = root;
  // Own non-enumerable members (e.g. the SDK's `$parseRaw` on response formats) survive the copy.
  const copy: any = Array.isArray(container)
    ? container.slice()
    : Object.create(Object.getPrototypeOf(container), Object.getOwnPropertyDescriptors(container));
  Object.defineProperty(copy, head, { value: setAtPath(container[head as any], rest, value), writable: true, enumerable: true, configurable: true });
  return copy;
}

/** Reads the value at `path`, or `undefined`. */
export function getAtPath(root: unknown, path: JsonPath): unknown {
  let cur: any = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[key as any];
  }
  return cur;
}
