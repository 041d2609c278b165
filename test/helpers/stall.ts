/**
 * Timeout of a stall-guard test (1 MB of adversarial input through a
 * scanner). It is not a speed bound: linear scans finish such inputs in about
 * a second, a super-linear pattern needs minutes to hours, so only a stall
 * trips it, on a slow machine too.
 */
export const STALL_TIMEOUT_MS = 30_000;
