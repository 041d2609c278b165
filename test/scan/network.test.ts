import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectSensitive } from '../../src/scan/sensitive.js';
import { HEX_PAIR_RE, NETWORK_GATES, NETWORK_STARTS, hasHexPair, ipv6Valid } from '../../src/scan/pii/network.js';
import { OffsetScan } from '../../src/scan/offset-scan.js';

/** The MAC pattern as first written (lookbehind first); the shipped one matches its first hex digit before the lookbehind. */
const REFERENCE_MAC = /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:.-])/g;

describe('network PII', () => {
  test('detectSensitive: MAC addresses are the reference pattern\'s matches (same spans on random hex, separators and word characters)', () => {
    const piece = fc.constantFrom('a', 'F', '0', '9', ':', '-', '.', ' ', '\n', 'g', '_', 'ab:', 'ab-', 'abcd.', '3c:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
        const text = parts.join('');
        const want = [...text.matchAll(REFERENCE_MAC)]
          .filter((m) => !/^0+$/.test(m[0].replace(/[^0-9A-Fa-f]/g, '')) && !(m[0].includes('.') && !/[A-Fa-f]/.test(m[0])))
          .map((m) => [m.index, m.index + m[0].length]);
        const got = detectSensitive(text, { types: ['mac_address'] }).map((f) => [f.start, f.end]);
        expect(got).toEqual(want);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  test('detectSensitive: an IPv6 address with an IPv4 tail is one finding, a sentence period after an address is not part of it', () => {
    for (const addr of ['::ffff:192.168.1.1', '2001:db8::192.168.1.1', '64:ff9b::192.0.2.0/96', '2001:db8:0:0:0:0:192.168.1.1']) {
      const text = `route ${addr} now`;
      const f = detectSensitive(text, { secrets: false });
      expect(f.map((x) => text.slice(x.start, x.end))).toEqual([addr]);
    }
    const text = 'use 2001:db8::1. Then 10.0.0.1.';
    expect(detectSensitive(text, { secrets: false }).map((x) => text.slice(x.start, x.end))).toEqual(['2001:db8::1', '10.0.0.1']);
    expect(detectSensitive('at 12:30:45.123 ok', { secrets: false })).toEqual([]);
  });

  test('detectSensitive: a MAC address right after a word character or a colon is not reported', () => {
    expect(detectSensitive('mac 3c:22:fb:11:22:33', { types: ['mac_address'] })).toHaveLength(1);
    expect(detectSensitive('x3c:22:fb:11:22:33', { types: ['mac_address'] })).toHaveLength(0);
    expect(detectSensitive(':3c:22:fb:11:22:33', { types: ['mac_address'] })).toHaveLength(0);
  });
});

describe('network gates', () => {
  const piece = fc.constantFrom(':', '::', '.', '-', 'a', 'F', 'e', '0', '1', '12', 'ff', 'abcd', '192.168.0.1', ' ', '/64', '%eth0', 'g', 'Note: ');
  const fullGroups = fc.array(fc.constantFrom('abcd', 'ffff', '0db8', '12', '0'), { minLength: 6, maxLength: 8 }).map((g) => g.join(':'));
  test('scanNetwork: every IPv6 address the scan can report holds two colons with at most four hex digits between them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fullGroups), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const { re, gate } = NETWORK_GATES.ipv6;
        for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
          const s = m[0].split('/')[0];
          if ((s.includes('::') || s.split(':').length >= 8 || s.includes('.')) && ipv6Valid(s)) expect(gate.test(text)).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 41 },
    );
  });
  test('hasHexPair: the same answer as HEX_PAIR_RE on random hex, separators and words', () => {
    const bit = fc.constantFrom('a', 'F', '0', '9', 'g', ':', '-', '.', ' ', 'ab', 'ab:', 'ab-', 'cd', 'abcd.', '.', 'x', '\n');
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(hasHexPair(text)).toBe(HEX_PAIR_RE.test(text));
      }),
      { numRuns: 20000, seed: 43 },
    );
  });

  test('scanNetwork: every MAC address match holds a hex pair at a separator', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const { re, gate } = NETWORK_GATES.mac;
        if (new RegExp(re.source, 'g').test(text)) expect(gate.test(text)).toBe(true);
      }),
      { numRuns: 5000, seed: 43 },
    );
  });
});

describe('unspecified IPv6 address', () => {
  test('detectSensitive: :: with a prefix length (the default route) or after an IPv6 word is an address; C++ scopes and Haskell signatures are not', () => {
    const ips = (t: string) => detectSensitive(t, { types: ['ip_address'] }).map((f) => t.slice(f.start, f.end));
    expect(ips('::/0')).toEqual(['::/0']);
    expect(ips('route ::/128 via fe80::1')).toEqual(['::/128', 'fe80::1']);
    expect(ips('Use local ipv6 ::')).toEqual(['::']);
    expect(ips('std::vector<int> and MyClass::toString')).toEqual([]);
    expect(ips('map :: (a -> b) -> [a] -> [b]')).toEqual([]);
    expect(ips(':::')).toEqual([]);
  });
});

describe('network start finders', () => {
  /** The matches a global scan finds: each search resumes where the last match ended. */
  const globalMatches = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => `${m.index}:${m[0]}`);
  /** The same regex sticky at the starts (OffsetScan, as scanNetwork runs it). */
  const stickyMatches = (re: RegExp, starts: Int32Array, text: string) => {
    const scan = new OffsetScan(new RegExp(re.source, 'y'), text, starts);
    const out: string[] = [];
    for (let m = scan.exec(); m !== null; m = scan.exec()) out.push(`${m.index}:${m[0]}`);
    return out;
  };
  for (const [name, { re, starts }] of Object.entries(NETWORK_STARTS)) {
    test(`scanNetwork: the ${name} regex run at its start finder's offsets finds what a global scan finds`, () => {
      const piece = fc.constantFrom('a', 'F', '0', '9', '1', ':', '::', '-', '.', ' ', '\n', 'g', '_', '%', 'eth0', '/64', 'ab:', 'ab-', 'abcd.', '3c:', 'fe80', '192.168.0.1', '12:34:56', 'ab-cd-ef-01-23-45', '3c:22:fb:0a:1b:2c', 'abcd.ef01.2345', '2001:db8::1');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
          const text = parts.join('');
          expect(stickyMatches(re, starts(text), text)).toEqual(globalMatches(re, text));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
