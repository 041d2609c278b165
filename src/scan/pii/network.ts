/** IP (v4/v6) and MAC address detection. */
import { OffsetScan } from '../offset-scan.js';
import type { Candidate } from '../secrets/candidate.js';
import { offsetsOf } from '../int32.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?:\\/(?:3[0-2]|[12]?\\d))?(?![\\w]|\\.\\d)`, 'g');
// a group never stops before a hex digit or a dot, so the last group before an IPv4 tail is left to the tail (`::ffff:192.0.2.1`)
const IPV6_RE = /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}|:)?(?::[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f]|\.\d)){1,8}(?::?(?:\d{1,3}\.){3}\d{1,3})?(?:%[A-Za-z0-9_.]{1,15})?(?:\/\d{1,3})?/g;
const IPV4_ONLY = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
/**
 * Two colons with at most four hex digits between them: every IPv6 address the
 * scan reports has them ('::', eight groups, or six groups and an IPv4 tail),
 * while prose colons ("Note: see below") do not. Led by the colon.
 */
const IPV6_GATE_RE = /:[0-9A-Fa-f]{0,4}:/;
/**
 * `ab:cd:ef`, `ab-cd-ef` or `.abcd.`: every MAC address contains one (three
 * hex pairs, one separator; a time such as `10:30` has two pairs only). Led by
 * the separator, which irregexp finds fast, with the hex pair before it
 * checked by a lookbehind after it (a lookbehind first would be tried at
 * every position).
 */
export const HEX_PAIR_RE = /([:-])(?<=[0-9A-Fa-f]{2}[:-])[0-9A-Fa-f]{2}\1[0-9A-Fa-f]{2}|\.[0-9A-Fa-f]{4}\./;

const isHexCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * `HEX_PAIR_RE.test(text)`, from the positions of `:`, `-` and `.` (found by indexOf, fast even in prose,
 * where the regex, tried at every position, cost 1.7 ms/MB).
 *
 * @example
 * ```ts
 * hasHexPair('mac ab:cd:ef:01:23:45'); // true
 * hasHexPair('at 10:30'); // false
 * ```
 */
export function hasHexPair(text: string): boolean {
  for (const sep of [':', '-']) {
    const code = sep.charCodeAt(0);
    for (let i = text.indexOf(sep, 2); i !== -1; i = text.indexOf(sep, i + 1)) {
      if (isHexCode(text.charCodeAt(i - 2)) && isHexCode(text.charCodeAt(i - 1)) && isHexCode(text.charCodeAt(i + 1)) && isHexCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === code && isHexCode(text.charCodeAt(i + 4)) && isHexCode(text.charCodeAt(i + 5))) return true;
    }
  }
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) {
    if (isHexCode(text.charCodeAt(i + 1)) && isHexCode(text.charCodeAt(i + 2)) && isHexCode(text.charCodeAt(i + 3)) && isHexCode(text.charCodeAt(i + 4)) && text.charCodeAt(i + 5) === 46) return true;
  }
  return false;
}

/** True when `s` is a syntactically valid IPv6 address (optionally with zone). */
export function ipv6Valid(s: string): boolean {
  let addr = s.replace(/%[A-Za-z0-9_.]+$/, '');
  let groupsNeeded = 8;
  const lastColon = addr.lastIndexOf(':');
  const tail = addr.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4_ONLY.test(tail)) return false;
    addr = addr.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = addr.indexOf('::');
  if (dbl !== addr.lastIndexOf('::')) return false;
  if (addr.includes(':::')) return false;
  const hex = /^[0-9A-Fa-f]{1,4}$/;
  if (dbl === -1) {
    const parts = addr.split(':');
    return parts.length === groupsNeeded && parts.every((p) => hex.test(p));
  }
  const left = addr.slice(0, dbl);
  const right = addr.slice(dbl + 2);
  const lp = left ? left.split(':') : [];
  const rp = right ? right.split(':') : [];
  if (![...lp, ...rp].every((p) => hex.test(p))) return false;
  return lp.length + rp.length <= groupsNeeded - 1;
}

/**
 * Find IPv4/IPv6 addresses (with optional CIDR suffix) and MAC addresses.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNetwork('server at 10.0.0.1', out); // out[0].type === 'ip_address'
 * ```
 */
export function scanNetwork(text: string, out: Candidate[]): void {
  if (text.includes('.')) {
    IPV4_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = IPV4_RE.exec(text)) !== null) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "version 1.2.3.4", "python-3.4.2.4", "lib_1.2.0.7": a version, not an address
      if (/\b(?:version|ver\.?|v|release|build)\s*$|\p{L}[-_]$/iu.test(before)) continue;
      out.push({ kind: 'pii', type: 'ip_address', start: m.index, end: m.index + m[0].length, confidence: 0.8, label: 'IP address' });
    }
  }
  if (IPV6_GATE_RE.test(text)) {
    const scan = new OffsetScan(IPV6_Y, text, ipv6Starts(text));
    let m: RegExpExecArray | null;
    while ((m = scan.exec()) !== null) {
      let s = m[0];
      if (s.length < 2) continue;
      if (/[\w]/.test(text[m.index + s.length] ?? '') || /^\.\d/.test(text.slice(m.index + s.length, m.index + s.length + 2)) || (text[m.index + s.length] === ':' && !/^\]?:\d/.test(text.slice(m.index + s.length)))) continue;
      let prefix = '';
      const slash = s.indexOf('/');
      if (slash !== -1) {
        prefix = s.slice(slash);
        s = s.slice(0, slash);
        if (Number(prefix.slice(1)) > 128) continue;
      }
      if (!s.includes('::') && s.split(':').length < 8 && !s.includes('.')) continue;
      // a digit, except in the unspecified address `::`, which needs a prefix length (`::/0`, the default route) or an IPv6 word before it
      if (!ipv6Valid(s) || (s !== '::' && !/\d/.test(s))) continue;
      if (s === '::' && !prefix && !/ipv6|address|::\s*$|\bip\b/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      out.push({ kind: 'pii', type: 'ip_address', start: m.index, end: m.index + s.length + prefix.length, confidence: 0.8, label: 'IP address' });
    }
  }
  scanMac(text, out);
}

/**
 * `aa:bb:cc:dd:ee:ff`, `aa-bb-...`, `aabb.ccdd.eeff`, not inside a longer token. The first hex digit is
 * matched before the lookbehind (which then looks at the character before it): with the lookbehind first,
 * the regex is tried at every position of the text, which doubled its cost on prose.
 */
const MAC_RE = /[0-9A-Fa-f](?<![\w:.-].)(?:[0-9A-Fa-f]([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:.-])/g;

function scanMac(text: string, out: Candidate[]): void {
  if (!hasHexPair(text)) return;
  const scan = new OffsetScan(MAC_Y, text, macStarts(text));
  let m: RegExpExecArray | null;
  while ((m = scan.exec()) !== null) {
    const hex = m[0].replace(/[^0-9A-Fa-f]/g, '');
    if (/^0+$/.test(hex)) continue;
    if (m[0].includes('.') && !/[A-Fa-f]/.test(hex) && !/mac|hardware|physical/i.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    out.push({ kind: 'pii', type: 'mac_address', start: m.index, end: m.index + m[0].length, confidence: 0.7, label: 'MAC address' });
  }
}

/** The gated regexes with their gates, for the test that each gate is necessary. */
const IPV6_Y = new RegExp(IPV6_RE.source, 'y');
const MAC_Y = new RegExp(MAC_RE.source, 'y');
/** `[\w:.]` (ASCII): what may not come before an IPv6 match. */
const beforeIpv6Blocks = (c: number): boolean => (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;

/**
 * Where IPV6_RE can match, ascending: every match holds a colon and starts at it or at the run of one
 * to four hex digits right before it, after a character that is not `[\w:.]` (the regex tried at every
 * position was 5 % of a scan of log lines, whose timestamps pass the gate).
 */
function ipv6Starts(text: string): Int32Array {
  const out: number[] = [];
  for (let p = text.indexOf(':'); p !== -1; p = text.indexOf(':', p + 1)) {
    let q = p;
    while (q > 0 && p - q <= 4 && isHexCode(text.charCodeAt(q - 1))) q--;
    if (p - q > 4) continue; // five or more hex digits: no start fits the lookbehind
    if (q > 0 && beforeIpv6Blocks(text.charCodeAt(q - 1))) continue;
    out.push(q);
  }
  return offsetsOf(out);
}

/** `[\w:.-]` (ASCII): what may not come before a MAC address. */
const beforeMacBlocks = (c: number): boolean => beforeIpv6Blocks(c) || c === 45;

/**
 * Where MAC_RE can match, ascending: two hex digits before a `:` or `-`, or four before a `.`, after a
 * character that is not `[\w:.-]`.
 */
function macStarts(text: string): Int32Array {
  const starts: number[] = [];
  const at = (s: number, hex: number): void => {
    if (s < 0) return;
    for (let k = 0; k < hex; k++) if (!isHexCode(text.charCodeAt(s + k))) return;
    if (s > 0 && beforeMacBlocks(text.charCodeAt(s - 1))) return;
    starts.push(s);
  };
  for (const sep of [':', '-']) for (let p = text.indexOf(sep); p !== -1; p = text.indexOf(sep, p + 1)) at(p - 2, 2);
  for (let p = text.indexOf('.'); p !== -1; p = text.indexOf('.', p + 1)) at(p - 4, 4);
  return offsetsOf(starts).sort();
}

export const NETWORK_GATES = { ipv6: { re: IPV6_RE, gate: IPV6_GATE_RE }, mac: { re: MAC_RE, gate: HEX_PAIR_RE } } as const;

/** The start finders with their regexes, for the test that a scan at those starts finds what a global scan finds. */
export const NETWORK_STARTS = { ipv6: { re: IPV6_RE, starts: ipv6Starts }, mac: { re: MAC_RE, starts: macStarts } } as const;
