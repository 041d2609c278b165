import type { Origin } from '../../src/scan/types.js';
import type { TextSegment } from '../../src/guard/types.js';
import type { JsonPath } from '../../src/guard/json-path.js';

/** Keys whose string values are identifiers or settings, never text the model reads. */
const NON_TEXT_KEYS = new Set([
  'model', 'id', 'type', 'role', 'name', 'tool_call_id', 'tool_use_id', 'call_id', 'item_id', 'previous_response_id',
  'format', 'media_type', 'url', 'image_url', 'detail', 'data', 'file_id', 'file_data', 'filename', 'signature',
  'cache_control', 'service_tier', 'stop', 'user', 'metadata', 'reasoning_effort', 'encoding_format', 'voice',
  'tool_choice', 'truncation', 'include', 'modalities', 'status', 'prompt_cache_key', 'safety_identifier',
]);

const MAX_WALK_DEPTH = 32;

/**
 * Collects the text of a value whose shape the adapter does not know. Unknown
 * shapes are scanned, never skipped: every string except identifier-like keys.
 * Past {@link MAX_WALK_DEPTH} levels the rest of the value is scanned as its
 * JSON text (one segment), so deep nesting cannot hide text from the scanners.
 */
export function collectUnknown(value: unknown, origin: Origin, path: JsonPath, out: TextSegment[], messageIndex?: number, depth = 0): void {
  if (depth > MAX_WALK_DEPTH && value !== null && typeof value === 'object') {
    const text = JSON.stringify(value);
    if (text) out.push({ text, origin, path, messageIndex });
    return;
  }
  if (typeof value === 'string') {
    out.push({ text: value, origin, path, messageIndex });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collectUnknown(v, origin, [...path, i], out, messageIndex, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (NON_TEXT_KEYS.has(k)) continue;
      collectUnknown(v, origin, [...path, k], out, messageIndex, depth + 1);
    }
  }
}

/** True for a plain JSON body (not a multipart form, stream or binary upload). */
export function isJsonBody(body: unknown): body is Record<string, any> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const proto = Object.getPrototypeOf(body);
  return proto === Object.prototype || proto === null;
}
