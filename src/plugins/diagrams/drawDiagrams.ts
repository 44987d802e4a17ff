// `npm run diagrams`: draws every mermaid fence of docs/ to SVG, light and dark, with mermaid in a real
// (headless) Chromium, and keeps each drawing in rendered/<hash>.json for the build to inline. Drawings
// whose source is gone are removed. Needs /usr/bin/chromium (or CHROMIUM_PATH); the build does not.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../headlessChromium';
import { diagramHash, mermaidSources } from './diagramSource';
import { RENDERED_DIR, readRendered, renderedPath, type RenderedDiagram } from './renderedDiagrams';

const PROJECT_ROOT = path.join(__dirname, '..', '..', '..');
const DOCS_DIR = path.join(PROJECT_ROOT, 'docs');
// The site's own font stack (Infima's), so labels are measured in the font a reader sees them in.
const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Ubuntu, Cantarell, Noto Sans, sans-serif';

type Mode = 'light' | 'dark';
const MERMAID_CONFIG: Record<Mode, object> = {
  light: { theme: 'neutral' },
  // mermaid's dark edge labels are #ccc on #585858 (4.4:1): a darker label background makes them AA.
  dark: { theme: 'dark', themeVariables: { edgeLabelBackground: '#333333' } },
};

function docsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return docsFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

async function draw(page: Page, id: string, source: string, mode: Mode): Promise<string> {
  const config = {
    startOnLoad: false,
    securityLevel: 'strict',
    fontFamily: FONT_FAMILY,
    // Plain SVG text instead of HTML in <foreignObject>: smaller, and drawn the same everywhere.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    ...MERMAID_CONFIG[mode],
  };
  return page.evaluate(
    async ([diagramId, text, options, darkOnly]) => {
      const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize(options);
      const { svg } = await mermaid.render(diagramId, text);
      // mermaid's <style> styles every kind of diagram (~14 KB); a rule that matches nothing in this one
      // is dropped, so the page carries a few hundred bytes of CSS per diagram, not kilobytes.
      const host = document.createElement('div');
      host.innerHTML = svg;
      document.body.append(host);
      const drawn = host.querySelector('svg');
      const style = drawn?.querySelector('style');
      if (!drawn || !style?.sheet) return svg;
      // Arrowheads of kinds no edge uses, and edges' point lists kept for mermaid's own tooling: unused.
      const referenced = drawn.innerHTML;
      for (const marker of drawn.querySelectorAll('marker')) {
        if (!referenced.includes(`url(#${marker.id})`)) marker.remove();
      }
      for (const edge of drawn.querySelectorAll('[data-points]')) edge.removeAttribute('data-points');
      const used = [...style.sheet.cssRules].filter((rule) => {
        if (darkOnly && !(rule instanceof CSSStyleRule)) return false;
        if (!(rule instanceof CSSStyleRule)) return true;
        try {
          return drawn.querySelector(rule.selectorText) !== null;
        } catch {
          return true; // a pseudo-element selector: kept, as querySelector cannot tell
        }
      });
      // The dark drawing is only its colours: each rule scoped to the dark theme, for the light SVG's <style>.
      if (darkOnly) {
        host.remove();
        return used
          .map((rule) => {
            const { selectorText, style: declarations } = rule as CSSStyleRule;
            const scoped = selectorText
              .split(',')
              .map((selector) => `[data-theme='dark'] ${selector.trim()}`);
            return `${scoped.join(', ')} { ${declarations.cssText} }`;
          })
          .join('');
      }
      style.textContent = used.map((rule) => rule.cssText).join('');
      const pruned = drawn.outerHTML;
      host.remove();
      return pruned;
    },
    [id, source, config, mode === 'dark'] as const,
  );
}

/**
 * One SVG for both colour modes: mermaid draws the same shapes in either theme and differs only in its
 * <style>, so the dark theme's rules (scoped to `[data-theme='dark']`) follow the light ones.
 */
function withDarkColours(lightSvg: string, darkCss: string): string {
  const end = lightSvg.indexOf('</style>');
  if (end < 0) throw new Error('mermaid drew an SVG without a <style>: cannot add the dark colours');
  return lightSvg.slice(0, end) + darkCss + lightSvg.slice(end);
}

interface MermaidApi {
  initialize(config: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const sources = new Map<string, string>();
  for (const file of docsFiles(DOCS_DIR)) {
    for (const source of mermaidSources(readFileSync(file, 'utf8'))) sources.set(diagramHash(source), source);
  }
  const mermaidPath = require.resolve('mermaid/dist/mermaid.min.js');
  const mermaidVersion = (
    JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const toDraw = [...sources].filter(([hash]) => force || !readRendered(hash));
  if (toDraw.length > 0) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      // 16 px: the size the page shows the labels at (src/components/Diagram/styles.module.css).
      await page.setContent('<!doctype html><html><body style="font-size: 16px"></body></html>');
      await page.addScriptTag({ path: mermaidPath });
      for (const [hash, source] of toDraw) {
        const rendered: RenderedDiagram = {
          hash,
          source,
          mermaid: mermaidVersion,
          svg: withDarkColours(
            await draw(page, `rw-diagram-${hash}`, source, 'light'),
            await draw(page, `rw-diagram-${hash}`, source, 'dark'),
          ),
        };
        writeFileSync(renderedPath(hash), JSON.stringify(rendered, null, 1) + '\n');
        console.log(`drew ${path.relative(PROJECT_ROOT, renderedPath(hash))}`);
      }
    } finally {
      await browser.close();
    }
  }
  for (const file of readdirSync(RENDERED_DIR)) {
    if (file.endsWith('.json') && !sources.has(file.slice(0, -'.json'.length))) {
      rmSync(path.join(RENDERED_DIR, file));
      console.log(`removed ${file} (its source is no longer in docs/)`);
    }
  }
  console.log(`${sources.size} diagrams in docs/, ${toDraw.length} drawn now.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
