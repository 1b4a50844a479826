import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe has, and its best practices
 * (headings, landmarks), which the app meets as well.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Rules whose "needs review" answer is a failure here: axe cannot tell whether the name or
 * the reference is exposed, so assistive technology may not get it either.
 */
const REVIEW_IS_FAILURE = new Set(['aria-prohibited-attr', 'aria-valid-attr-value']);

/**
 * Why axe left a text's contrast for review when another element overlaps it (axe's stacking
 * order misses the top layer, so every text in a modal <dialog> ends up here): those texts
 * are measured here instead.
 */
const OVERLAP_KEYS = new Set(['bgOverlap', 'elmPartiallyObscured', 'elmPartiallyObscuring']);

/**
 * Left out of that measure only: Monaco's own DOM (token spans over its view layers, a
 * transparent hidden textarea), whose computed colours do not say what is painted. axe's own
 * verdicts on Monaco's nodes still count.
 */
const MONACO = '.monaco-editor';

type Node = { target: string; summary: string };

function nodeLine(rule: string, impact: string, node: Node): string {
  return `${rule} [${impact}] ${node.target}: ${node.summary}`;
}

/** axe's failure summary without its "Fix any of the following:" headings, two lines at most. */
function shortSummary(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^Fix (any|all) of the following:$/.test(line))
    .slice(0, 2)
    .join(' / ');
}

/**
 * The contrast of texts axe could not measure for overlap, from their computed colours: the
 * text's colour over the first opaque background among its ancestors (translucent ones
 * composited on the way). Texts over a background image are left out.
 */
async function overlappedContrast(page: Page, targets: string[]): Promise<Node[]> {
  return page.evaluate(
    ({ selectors, monaco }) => {
      type Rgba = [number, number, number, number];
      const parse = (value: string): Rgba | undefined => {
        const match = /rgba?\(([^)]+)\)/.exec(value);
        if (!match?.[1]) return undefined;
        const parts = match[1]
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        const [r = 0, g = 0, b = 0, a = 1] = parts;
        return [r, g, b, a];
      };
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3];
        return [
          top[0] * a + under[0] * (1 - a),
          top[1] * a + under[1] * (1 - a),
          top[2] * a + under[2] * (1 - a),
          1,
        ];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const channel = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const background = (element: Element): Rgba | undefined => {
        const layers: Rgba[] = [];
        for (let at: Element | null = element; at; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (style.backgroundImage !== 'none') return undefined;
          const colour = parse(style.backgroundColor);
          if (colour && colour[3] > 0) {
            layers.push(colour);
            if (colour[3] >= 1) break;
          }
        }
        return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
      };
      const found: { target: string; summary: string }[] = [];
      for (const selector of selectors) {
        const element = document.querySelector(selector);
        if (!element || element.closest(monaco)) continue;
        const style = getComputedStyle(element);
        const text = parse(style.color);
        const behind = background(element);
        if (!text || !behind) continue;
        const fg = over(text, behind);
        const [light, dark] = [luminance(fg), luminance(behind)].sort((x, y) => y - x);
        const ratio = ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
        const size = parseFloat(style.fontSize);
        const bold = Number(style.fontWeight) >= 700;
        const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        if (ratio < needed) {
          found.push({
            target: selector,
            summary: `contrast ${ratio.toFixed(2)}:1 (${style.color} on ${style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'its ancestors' : style.backgroundColor}), needs ${String(needed)}:1`,
          });
        }
      }
      return found;
    },
    { selectors: targets, monaco: MONACO },
  );
}

/**
 * Runs axe's WCAG A/AA rules and best practices on the page (or inside `scope`) and gives one line per failing
 * node: rule id, impact, target selector and a short summary. It adds the texts axe left for
 * review because something overlaps them, measured from their computed colours.
 */
export async function axeFailures(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const results = await (scope ? builder.include(scope) : builder).analyze();
  const failures = results.violations.flatMap((violation) =>
    violation.nodes.map((node) =>
      nodeLine(violation.id, violation.impact ?? 'unknown', {
        target: node.target.join(' '),
        summary: shortSummary(node.failureSummary ?? violation.help),
      }),
    ),
  );
  const reviewed = results.incomplete
    .filter((result) => REVIEW_IS_FAILURE.has(result.id))
    .flatMap((result) =>
      result.nodes.map((node) =>
        nodeLine(`${result.id} (needs review)`, result.impact ?? 'unknown', {
          target: node.target.join(' '),
          summary: shortSummary(node.failureSummary ?? result.help),
        }),
      ),
    );
  const overlapped = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .flatMap((result) => result.nodes)
    .filter((node) =>
      node.any.some((check) => {
        const data: unknown = check.data;
        return (
          typeof data === 'object' &&
          data !== null &&
          'messageKey' in data &&
          typeof data.messageKey === 'string' &&
          OVERLAP_KEYS.has(data.messageKey)
        );
      }),
    )
    .map((node) => node.target.join(' '));
  const measured = (await overlappedContrast(page, overlapped)).map((node) =>
    nodeLine('color-contrast (measured under overlap)', 'serious', node),
  );
  return [...failures, ...reviewed, ...measured];
}
