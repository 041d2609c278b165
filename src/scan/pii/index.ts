/**
 * PII detection entry point: cheap prefilters decide which scanners run.
 */
import type { Candidate } from '../secrets/candidate.js';
import { scanCryptoWallets } from './crypto-wallet.js';
import { scanDates } from './dates.js';
import { scanEmail } from './email.js';
import { scanNames, scanAddresses } from './names.js';
import { scanNetwork } from './network.js';
import { scanNumbers } from './numbers.js';
import { scanDocumentNumbers, scanNationalIds } from './national-ids.js';

/**
 * All PII candidates in `text` (may overlap; the caller resolves overlaps).
 *
 * @example
 * ```ts
 * detectPiiCandidates('mail me: jo@example.org')[0].type; // 'email'
 * ```
 */
export function detectPiiCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  scanEmail(text, out);
  const hasDigit = /\d/.test(text);
  if (hasDigit) {
    scanNumbers(text, out);
    scanNationalIds(text, out);
    scanDocumentNumbers(text, out);
    scanCryptoWallets(text, out);
    scanDates(text, out);
  }
  if (hasDigit || /::/.test(text) || /[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}|\.[0-9A-Fa-f]{4}\./.test(text)) scanNetwork(text, out);
  scanNames(text, out);
  scanAddresses(text, out);
  return out;
}
