// The sample archive built once for the quality gates, with the few page types it has no case
// of: a second page of a list, a redirect and a withdrawn notice. Each is one small edit to a
// copy of content/, so that every other page is the sample archive's own.
import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT, runBuild } from "./build.ts";
import { type CleanupOwner, tempDir } from "./temp.ts";

/** An article whose front matter gains an alias, so that its old URL is a redirect page. */
const ALIASED_ARTICLE = "articles/2020/08/tech-firms-meet-security-agencies.md";
const ALIAS = "/2020/08/12/nine-companies-meet-agencies/";
const WITHDRAWN = "/2020/08/15/withdrawn-report/";

/** 5 a page: the home page's list has three pages (years list months, not pages). */
const SITE_YAML_ADDITIONS = `
pageSize: 5
withdrawn:
  - { url: ${WITHDRAWN}, date: 2020-08-20, reason: The report named the wrong agency. }
`;

export interface PageType {
  /** What a developer calls it, printed with every failure. */
  readonly name: string;
  /** The site path the page is read at (a query is kept for the browser). */
  readonly url: string;
  /** A selector the page shows once its own scripts have run (search results). */
  readonly waitFor?: string;
  /** The page leaves for another as soon as it loads (a redirect). */
  readonly leavesFor?: string;
  /** Pages allowed a script of their own beside the `/` key's (see the script budget). */
  readonly kind?: "article" | "search";
}

/** Every kind of page a reader can land on, one example of each. */
export const PAGE_TYPES: readonly PageType[] = [
  { name: "home", url: "/" },
  { name: "home, page 2", url: "/page/2/" },
  { name: "article", url: "/2020/08/13/tech-firms-meet-security-agencies/", kind: "article" },
  {
    name: "article with corrections",
    url: "/2020/08/14/wsws-report-links-tech-security-meetings/",
    kind: "article",
  },
  { name: "year", url: "/2020/" },
  { name: "month", url: "/2020/08/" },
  { name: "author", url: "/authors/priya-raman/" },
  { name: "authors index", url: "/authors/" },
  { name: "entity (organisation, with description and links)", url: "/entities/fbi/" },
  { name: "entity (person)", url: "/entities/kevin-reed/" },
  { name: "entity (topic)", url: "/entities/privacy/" },
  { name: "entity (place, with image and caption)", url: "/entities/menlo-park/" },
  { name: "entities index", url: "/entities/" },
  { name: "entities by count", url: "/entities/by-count/" },
  { name: "search", url: "/search/", kind: "search" },
  {
    name: "search with results",
    url: "/search/?q=security",
    waitFor: ".search-result",
    kind: "search",
  },
  { name: "corrections", url: "/corrections/" },
  { name: "not found", url: "/404.html" },
  { name: "withdrawn", url: WITHDRAWN },
  {
    name: "redirect",
    url: ALIAS,
    leavesFor: "/2020/08/13/tech-firms-meet-security-agencies/",
  },
];

/** Builds the sample archive (with the additions above) into a temporary folder. */
export async function buildSampleSite(owner: CleanupOwner): Promise<string> {
  const content = join(await tempDir(owner, "gates-content"), "content");
  await cp(join(PROJECT_ROOT, "content"), content, { recursive: true });
  await appendToSiteYaml(content);
  await addAlias(content);
  const site = join(await tempDir(owner, "gates"), "site");
  const run = await runBuild(content, site);
  assert.equal(run.code, 0, `the sample archive did not build:\n${run.stderr}`);
  return site;
}

async function appendToSiteYaml(content: string): Promise<void> {
  const file = join(content, "site.yaml");
  await writeFile(file, (await readFile(file, "utf8")) + SITE_YAML_ADDITIONS);
}

async function addAlias(content: string): Promise<void> {
  const file = join(content, ALIASED_ARTICLE);
  const text = await readFile(file, "utf8");
  assert.ok(text.startsWith("---\n"), `${ALIASED_ARTICLE} no longer starts with front matter`);
  await writeFile(file, text.replace("---\n", `---\naliases: [${ALIAS}]\n`));
}
