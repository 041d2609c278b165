/**
 * ASCII character classes by code unit, for the scanners' char-code loops
 * (`\d`, `[A-Za-z]`, `\w` and `[ \t]` without the `u` flag).
 */

/** `[0-9]`. */
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `[A-Z]`. */
export const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
/** `[a-z]`. */
export const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
/** `[A-Za-z]`. */
export const isAsciiLetter = (c: number): boolean => isAsciiUpper(c) || isAsciiLower(c);
/** `\w` without the `u` flag: `[A-Za-z0-9_]` (what `\b` reads). */
export const isWordCode = (c: number): boolean => isAsciiDigit(c) || isAsciiLetter(c) || c === 95;
/** `[ \t]`. */
export const isBlankCode = (c: number): boolean => c === 32 || c === 9;
