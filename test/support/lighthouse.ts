// Lighthouse on a built site, in the system Chromium: the scores of each page, with the audits
// that keep a category below 100. Shared by test/browser/lighthouse.test.ts (accessibility,
// best practices, SEO) and `npm run lighthouse` (scripts/lighthouse.ts, performance too).
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Flags, Result } from "lighthouse";
import { CHROMIUM_PATH } from "./browser.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/** The pages measured: home, an article, an entity page (with a picture), search, on the sample. */
export const SAMPLE_PAGES = [
  { name: "home", path: "/" },
  { name: "article", path: "/2020/08/13/tech-firms-meet-security-agencies/" },
  { name: "entity", path: "/entities/menlo-park/" },
  { name: "search", path: "/search/" },
] as const;

/**
 * What the audits of accessibility, best practices and SEO read is there once the page has
 * loaded: without performance, waiting a second for the network and the CPU to be quiet
 * (Lighthouse's defaults, for the trace) and a screenshot of the whole page (for the report's
 * pictures) only make the test slower.
 */
const WITHOUT_TRACE = {
  disableFullPageScreenshot: true,
  pauseAfterFcpMs: 0,
  pauseAfterLoadMs: 100,
  networkQuietThresholdMs: 100,
  cpuQuietThresholdMs: 100,
} as const satisfies Flags;

/** A category's score out of 100, and the audits that cost it points. */
export interface CategoryScore {
  score: number;
  failing: { id: string; title: string; score: number | null; details: string }[];
}

export interface PageScores {
  url: string;
  scores: Partial<Record<Category, CategoryScore>>;
}

/** Runs Lighthouse over `urls`, one at a time in one Chromium: mobile, its default settings. */
export async function runLighthouse(
  urls: readonly string[],
  categories: readonly Category[],
): Promise<PageScores[]> {
  const chrome = await launchChrome();
  try {
    const results: PageScores[] = [];
    for (const url of urls) results.push(await scorePage(chrome, url, categories));
    return results;
  } finally {
    chrome.kill();
  }
}

/**
 * chrome-launcher, as Lighthouse's own CLI starts Chrome: its default flags turn off background
 * networking, sync and component updates. Every host but loopback resolves to nothing, so the
 * run never reaches the network, and a page that asked another host would show it as a failed
 * request and a console error (best practices' `errors-in-console`).
 */
function launchChrome(): Promise<LaunchedChrome> {
  const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic"];
  const loopbackOnly = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";
  const chromeFlags = [...flags, loopbackOnly];
  return launch({ chromePath: CHROMIUM_PATH, chromeFlags, logLevel: "silent" });
}

async function scorePage(
  chrome: LaunchedChrome,
  url: string,
  categories: readonly Category[],
): Promise<PageScores> {
  const flags: Flags = { port: chrome.port, logLevel: "error", onlyCategories: [...categories] };
  if (!categories.includes("performance")) Object.assign(flags, WITHOUT_TRACE);
  const run = await lighthouse(url, flags);
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const scores: PageScores["scores"] = {};
  for (const category of categories) scores[category] = categoryScore(lhr, category);
  return { url, scores };
}

function categoryScore(lhr: Result, id: Category): CategoryScore {
  const category = lhr.categories[id];
  if (!category || category.score === null) {
    throw new Error(`Lighthouse gave no ${id} score for ${lhr.finalDisplayedUrl}`);
  }
  const failing = category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit!.id,
      title: audit!.title,
      score: audit!.score,
      details: audit!.displayValue ?? "",
    }));
  return { score: Math.round(category.score * 100), failing };
}
