// axe-core in a page opened by playwright-core: the engine's source evaluated in the page (no
// script tag, no request, so the page's recorded traffic stays its own), then axe.run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type axe from "axe-core";
import type { Result } from "axe-core";
import type { Page } from "playwright-core";

/**
 * The minified build, not `axe.source` (the 1.5 MB readable one): compiling it in every page
 * is most of the cost of a check, and the minified one takes half the time.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The page's accessibility violations under axe's default rules (WCAG A/AA, best practices). */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    // Elements cannot leave the page: keep what is printed.
    return results.violations.map((violation) => ({
      ...violation,
      nodes: violation.nodes.map(({ html, target, failureSummary, any, all, none }) => ({
        html,
        target,
        failureSummary,
        any,
        all,
        none,
      })),
    }));
  });
}

/** Lines a developer can act on: the rule, why, where to read about it, and each element. */
export function describeViolation(where: string, violation: Result): string {
  const rule = `${violation.id} (${violation.impact ?? "?"})`;
  const head = `${where}: ${rule}: ${violation.help}, ${violation.helpUrl}`;
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? "").replace(/\s*\n\s*/g, " ");
    return `    at ${node.target.join(" ")}: ${node.html}\n      ${summary}`;
  });
  return [head, ...nodes].join("\n");
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
