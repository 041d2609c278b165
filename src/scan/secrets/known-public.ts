/**
 * Values that have the shape of a credential but were published on purpose,
 * so reporting them only teaches users to ignore findings. Kept short and
 * sourced: each entry is a sample or search-only key that public tooling
 * (gitleaks' rule allowlists) already treats as not secret.
 */

// Example Firebase/Google API keys shipped in the firebase-android-sdk
// samples and tests. Stored without the `AIza` prefix so this file holds no
// complete key-shaped literal.
const FIREBASE_SAMPLE_KEYS = [
  'Syabcdefghijklmnopqrstuvwxyz1234567',
  'SyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs',
  'SyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM',
  'SyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU',
  'SyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0',
  'yDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A',
  'SyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c',
  'SyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4',
  'SyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY',
  'SyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM',
  'SyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ',
  'SyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g',
  'SyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU',
  'SyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw',
  'SyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE',
  'SyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY',
].map((tail) => 'AIza' + tail);

// The search-only Algolia key of the public npm-search index, embedded in
// yarn and many npm front-ends (yarnpkg/berry#6201).
const PUBLIC_SEARCH_KEYS = ['6fe4476ee5a1832882e326b506d14126'];

const KNOWN_PUBLIC = new Set<string>([...FIREBASE_SAMPLE_KEYS, ...PUBLIC_SEARCH_KEYS]);
const KNOWN_LENGTHS = new Set<number>([...KNOWN_PUBLIC].map((v) => v.length));

/**
 * True when `text.slice(start, end)` is a credential-shaped value published
 * on purpose (SDK sample keys, public search-only keys).
 *
 * @example
 * ```ts
 * isKnownPublicSpan('apiKey: 6fe4476ee5a1832882e326b506d14126', 8, 40); // true
 * ```
 */
export function isKnownPublicSpan(text: string, start: number, end: number): boolean {
  return KNOWN_LENGTHS.has(end - start) && KNOWN_PUBLIC.has(text.slice(start, end));
}
