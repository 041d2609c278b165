/** Bounded normalisation and payload decoding used before injection matching. */
export { normalizeForScan, mapSpan, isInvisible, SCRIPT, type NormalizedText } from './normalize.js';
export { findEncodedPayloads, rot13, type DecodedPayload, type DecodeLimits } from './decode.js';
