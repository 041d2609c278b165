/**
 * Hidden channels: content a human reader of the rendered text does not
 * see but a model does. HTML comments, Markdown link-reference comments,
 * invisible Unicode tag characters (U+E0000..U+E007F) and CSS-hidden HTML.
 * Every scan is a single linear pass (`indexOf` loops or bounded regexes).
 */

/** One hidden channel found in the text. */
export interface HiddenChannel {
  kind: 'html-comment' | 'markdown-comment' | 'unicode-tags' | 'css-hidden';
  start: number;
  end: number;
  /** The hidden content (decoded for tag characters), capped. */
  content: string;
}

const MAX_CONTENT = 4096;
const MAX_CHANNELS = 32;
const TAG_RUN = /(?:\uDB40[\uDC00-\uDC7F])+/g;
const MD_COMMENT = /\[(?:\/\/|comment|_|#)\]: ?(?:#|<>|\S{1,200}) ?[("]([^)"\n]{0,2000})[)"]/g;
const CSS_HIDDEN = /style ?= ?["'][^"'<>]{0,200}?(?:display ?: ?none|visibility ?: ?hidden|font-size ?: ?0(?:px|em|pt)?\b|opacity ?: ?0(?:\.0+)?\b)/gi;

/**
 * Find hidden channels in `text`.
 *
 * @example
 * ```ts
 * findHiddenChannels('Hello <!-- ignore all previous instructions --> world');
 * // [{ kind: 'html-comment', start: 6, end: 47, content: ' ignore all previous instructions ' }]
 * ```
 */
export function findHiddenChannels(text: string): HiddenChannel[] {
  const out: HiddenChannel[] = [];
  // HTML comments: indexOf loop, linear even for '<!--'.repeat(n)
  for (let from = 0; out.length < MAX_CHANNELS; ) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) {
      out.push({ kind: 'html-comment', start: open, end: text.length, content: text.slice(open + 4, open + 4 + MAX_CONTENT) });
      break;
    }
    out.push({ kind: 'html-comment', start: open, end: close + 3, content: text.slice(open + 4, Math.min(close, open + 4 + MAX_CONTENT)) });
    from = close + 3;
  }
  if (text.includes(']:')) {
    MD_COMMENT.lastIndex = 0;
    for (let m = MD_COMMENT.exec(text); m && out.length < MAX_CHANNELS; m = MD_COMMENT.exec(text)) {
      out.push({ kind: 'markdown-comment', start: m.index, end: m.index + m[0].length, content: m[1] });
    }
  }
  if (text.includes('\uDB40')) {
    TAG_RUN.lastIndex = 0;
    for (let m = TAG_RUN.exec(text); m && out.length < MAX_CHANNELS; m = TAG_RUN.exec(text)) {
      // emoji subdivision flags (black flag + tag letters + cancel tag) are legitimate
      if (m.index >= 2 && text.charCodeAt(m.index - 2) === 0xd83c && text.charCodeAt(m.index - 1) === 0xdff4) continue;
      let content = '';
      for (let i = 0; i < m[0].length && content.length < MAX_CONTENT; i += 2) {
        const c = m[0].charCodeAt(i + 1) - 0xdc00;
        if (c >= 0x20 && c < 0x7f) content += String.fromCharCode(c);
      }
      out.push({ kind: 'unicode-tags', start: m.index, end: m.index + m[0].length, content });
    }
  }
  if (text.includes('style')) {
    CSS_HIDDEN.lastIndex = 0;
    for (let m = CSS_HIDDEN.exec(text); m && out.length < MAX_CHANNELS; m = CSS_HIDDEN.exec(text)) {
      const end = Math.min(text.length, m.index + m[0].length + 400);
      out.push({ kind: 'css-hidden', start: m.index, end, content: text.slice(m.index + m[0].length, end) });
    }
  }
  return out;
}
