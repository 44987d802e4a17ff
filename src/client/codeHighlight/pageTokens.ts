/**
 * A code block's tokens, read back from the page's own HTML. The server highlighted every block with
 * Prism; the browser, hydrating the same block, needs the same tokens to build the same tree. Reading
 * them from the DOM costs microseconds, where evaluating Prism and its forty bundled grammars cost the
 * longest task of a phone's page load (bench/README.md "Lighthouse").
 */

/** A token as prism-react-renderer's normalizeTokens gives it. */
export interface Token {
  types: string[];
  content: string;
  empty?: boolean;
}

/**
 * The tokens of the block that shows `code` in `language`, if the page has one: any block with the
 * same text and language has the same tokens, so an id linking server and client is not needed.
 */
export function tokensOnPage(root: ParentNode, code: string, language: string): Token[][] | null {
  for (const pre of root.querySelectorAll<HTMLElement>(`pre.prism-code.language-${CSS.escape(language)}`)) {
    const read = readBlock(pre);
    if (read && read.text === code) return read.lines;
  }
  return null;
}

interface ReadBlock {
  lines: Token[][];
  text: string;
}

/**
 * Each block is read once: a page hydrating n blocks of one language would otherwise read them n²/2
 * times. A block React later redraws keeps its old reading, which still holds for its old text.
 */
const readings = new WeakMap<HTMLElement, ReadBlock | null>();

function readBlock(pre: HTMLElement): ReadBlock | null {
  if (!readings.has(pre)) {
    const lines = readLines(pre);
    readings.set(pre, lines && { lines, text: textOf(lines) });
  }
  return readings.get(pre) ?? null;
}

function readLines(pre: HTMLElement): Token[][] | null {
  const code = pre.querySelector(':scope > code');
  if (!code) return null;
  const lines: Token[][] = [];
  for (const line of code.querySelectorAll(':scope > .token-line')) {
    const tokens: Token[] = [];
    for (const span of line.querySelectorAll<HTMLElement>('span.token')) {
      const [first, ...types] = (span.getAttribute('class') ?? '').split(' ').filter(Boolean);
      if (first !== 'token') return null;
      // An empty line's one token: prism-react-renderer makes it "\n", the theme's Line shows "".
      if (span.style.display === 'inline-block') tokens.push({ types, content: '\n', empty: true });
      else tokens.push({ types, content: span.textContent ?? '' });
    }
    lines.push(tokens);
  }
  return lines.length > 0 ? lines : null;
}

function textOf(lines: Token[][]): string {
  return lines.map((line) => line.map((token) => (token.empty ? '' : token.content)).join('')).join('\n');
}
