/**
 * Numeric PII: payment cards (Luhn + IIN), IBAN (mod 97), US SSN / ITIN and
 * phone numbers (libphonenumber-js on prefiltered candidates).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Candidate } from '../secrets/candidate.js';
import { ibanValid, luhnValid } from './checks.js';

const CARD_RE = /(?<![\d.,-])(?:\d[ -]?){12,18}\d(?![\d]|[.,]\d)/g;

function cardBrand(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19;
  if (p2 === 35 || p4 === 2131 || p4 === 1800) return n >= 15 && n <= 19;
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) return n >= 14 && n <= 19;
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19;
  if (d[0] === '1') return n === 15; // UATP
  return false;
}

function scanCards(text: string, out: Candidate[]): void {
  CARD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_RE.exec(text)) !== null) {
    const raw = m[0];
    const d = raw.replace(/\D/g, '');
    if (d.length < 13 || d.length > 19) continue;
    const seps = raw.match(/[ -]/g);
    if (seps && seps.length > 0 && new Set(seps).size > 1) continue; // mixed separators
    if (/^(\d)\1+$/.test(d)) continue;
    const ctx = /card|credit|debit|visa|mastercard|amex|cc\b|pan\b/i.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (luhnValid(d) && cardBrand(d)) {
      out.push({ kind: 'pii', type: 'credit_card', start: m.index, end: m.index + raw.length, confidence: 0.9, label: 'payment card number' });
    } else if (ctx && cardBrand(d)) {
      out.push({ kind: 'pii', type: 'credit_card', start: m.index, end: m.index + raw.length, confidence: 0.6, label: 'payment card number (no Luhn)' });
    }
  }
}

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

function scanIban(text: string, out: Candidate[]): void {
  IBAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RE.exec(text)) !== null) {
    const s = m[0].replace(/ /g, '');
    if (s.length < 15 || s.length > 34) continue;
    if (ibanValid(s)) {
      out.push({ kind: 'pii', type: 'iban', start: m.index, end: m.index + m[0].length, confidence: 0.95, label: 'IBAN' });
    } else if (/iban|bank|account/i.test(text.slice(Math.max(0, m.index - 40), m.index)) && /\d{6}/.test(s.slice(4))) {
      out.push({ kind: 'pii', type: 'iban', start: m.index, end: m.index + m[0].length, confidence: 0.6, label: 'IBAN (checksum mismatch)' });
    }
  }
}

const SSN_RE = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w]|-\d)/g;
const SSN_CTX = /ssn|social security|social-security|\bss#|tax id|taxpayer|itin/i;
const SSN_INVALID = new Set(['078051120', '219099999', '123456789', '457555462']);

function scanSsn(text: string, out: Candidate[]): void {
  SSN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SSN_RE.exec(text)) !== null) {
    const [raw, area, sep, group, serial] = m;
    const d = area + group + serial;
    const ctx = SSN_CTX.test(text.slice(Math.max(0, m.index - 50), m.index));
    if (!sep && !ctx) continue;
    if (SSN_INVALID.has(d) || group === '00' || serial === '0000') continue;
    const a = Number(area);
    if (area[0] === '9') {
      const g = Number(group);
      if ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99)) {
        out.push({ kind: 'pii', type: 'us_itin', start: m.index, end: m.index + raw.length, confidence: ctx ? 0.85 : 0.7, label: 'US ITIN' });
      }
      continue;
    }
    if (a === 0 || a === 666) continue;
    if (/^(\d)\1+$/.test(d)) continue;
    out.push({ kind: 'pii', type: 'us_ssn', start: m.index, end: m.index + raw.length, confidence: ctx ? 0.9 : 0.75, label: 'US social security number' });
  }
}

const PHONE_RE = /(?<![\w+@.\/:-])(?:\+|00)?\(?\d[\d \t().\/-]{5,22}\d(?![\w@]|[.-]\d)/g;
const PHONE_CTX = /phone|tel\b|tel\.|telephone|call|fax|mobile|cell|contact|whatsapp|sms|text me|ring|office|home|work|number|\bph\b|\bmob\b|\bnum\b|#/i;
const TRUNK_COUNTRIES: CountryCode[] = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'IL', 'TR', 'PH', 'AU', 'IN', 'BR', 'JP', 'SE', 'CH', 'AT', 'PL', 'IE', 'NZ', 'ZA', 'MX'];

function looksLikeDate(s: string): boolean {
  return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(s) || /^(?:19|20)\d{2}[-/]?\d{2}[-/]?\d{2}$/.test(s) || /^\d{1,2}:\d{2}/.test(s);
}

function scanPhones(text: string, out: Candidate[]): void {
  PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_RE.exec(text)) !== null) {
    let raw = m[0];
    let start = m.index;
    // trim unbalanced parentheses / trailing separators
    raw = raw.replace(/[ \t(.\/-]+$/, '');
    if (raw.startsWith('(') && !raw.includes(')')) {
      raw = raw.slice(1);
      start++;
    }
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (looksLikeDate(raw)) continue;
    if (/\d\.\d+\.\d/.test(raw) && !/\d{3}\.\d{3}\.\d{4}|\d{3}\.\d{3}\.\d{2}\.\d{2}/.test(raw)) continue; // versions, decimals
    if (/^\d+$/.test(raw) && digits.length !== 10 && !raw.startsWith('0')) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    const ctx = PHONE_CTX.test(before);
    const hasSep = /[ ().-]/.test(raw);
    let conf = 0;
    const intl = raw.startsWith('+') ? raw : raw.startsWith('00') ? '+' + raw.slice(2) : undefined;
    if (intl) {
      const p = parsePhoneNumberFromString(intl);
      if (p?.isValid()) conf = 0.85;
    } else {
      const usShape = (digits.length === 10 && /^[2-9]\d{2}[2-9]/.test(digits)) || (digits.length === 11 && /^1[2-9]\d{2}[2-9]/.test(digits));
      if (usShape && (hasSep || ctx) && parsePhoneNumberFromString(raw, 'US')?.isValid()) conf = ctx ? 0.85 : 0.7;
      if (!conf && raw.startsWith('0') && (hasSep || ctx) && digits.length >= 9) {
        for (const c of TRUNK_COUNTRIES) {
          const p = parsePhoneNumberFromString(raw, c);
          if (p?.isValid()) {
            conf = ctx ? 0.8 : 0.6;
            break;
          }
        }
      }
      if (!conf && ctx && /^\d{3}[ -]\d{4}$/.test(raw)) conf = 0.55; // local 7-digit number with a phone cue
    }
    if (conf > 0) out.push({ kind: 'pii', type: 'phone_number', start, end: start + raw.length, confidence: conf, label: 'phone number' });
  }
}

/**
 * Scan numeric PII (cards, IBAN, SSN/ITIN, phones).
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNumbers('call +1 415 555 0132', out); // out[0].type === 'phone_number'
 * ```
 */
export function scanNumbers(text: string, out: Candidate[]): void {
  scanCards(text, out);
  scanIban(text, out);
  scanSsn(text, out);
  scanPhones(text, out);
}
