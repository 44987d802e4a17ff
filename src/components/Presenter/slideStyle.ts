/**
 * The CSS that shows one slide: the page stays rendered as React rendered it (no node is moved or
 * hidden by script, so hydration and the step controls keep working), and a generated rule hides
 * every block outside the current slide. Printing shows every slide, each from a new page.
 */
import type { Slide } from './slides';

export function slideStyle(scope: string, slides: readonly Slide[], current: number): string {
  const slide = slides[current];
  const rules: string[] = [];
  if (slide) {
    // nth-child is 1-based; blocks outside [start, end) are hidden on screen only.
    rules.push(
      `@media screen { ${scope} > :not(:nth-child(n + ${slide.start + 1}):nth-child(-n + ${slide.end})) { display: none !important; } }`,
    );
  }
  const breaks = slides
    .slice(1)
    .map((s) => `${scope} > :nth-child(${s.start + 1})`)
    .join(', ');
  if (breaks) rules.push(`@media print { ${breaks} { break-before: page; } }`);
  return rules.join('\n');
}
