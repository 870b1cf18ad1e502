// Import, step 4: WordPress categories and tags (and feed categories) become Dateline entities,
// as the mapping file says: each term → an entity name and type, or `skip`. The file is
// written on the first run with every term, its count and a default, for the editor to adjust.
import { readFile } from "node:fs/promises";
import { type Document, isMap, parseDocument, stringify, YAMLMap } from "yaml";
import { z } from "zod";
import { parseYamlMapping } from "../content/front-matter.ts";
import type { Problems } from "../content/problems.ts";
import { EntityType } from "../content/schema.ts";
import type { SourceTerm, TermKind } from "./source.ts";

const TermRule = z.union([
  z.literal("skip"),
  z.object({ name: z.string().trim().min(1), type: EntityType }, {
    error: "must be skip, or { name, type }" }),
], { error: "must be skip, or { name, type }" });
export type TermRule = z.infer<typeof TermRule>;

const TermMap = z.object({
  categories: z.preprocess((value) => value ?? {}, z.record(z.string(), TermRule)),
  tags: z.preprocess((value) => value ?? {}, z.record(z.string(), TermRule)),
});
export type TermMap = z.infer<typeof TermMap>;

const SECTION: Record<TermKind, keyof TermMap> = { category: "categories", tag: "tags" };

export interface CountedTerm extends SourceTerm {
  count: number;
}

/** The mapping file, or none when it does not exist yet; problems name the line. */
export async function readTermMap(path: string, problems: Problems): Promise<TermMap | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const yaml = parseYamlMapping(path, text, problems);
  if (!yaml) return undefined;
  const parsed = TermMap.safeParse(yaml.data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const at = yaml.locate(issue.path.map(String));
    problems.error(path, "import-map", `${issue.path.join(".")} ${issue.message}`,
      "write each term as `slug: { name: Name, type: topic }` or `slug: skip`", at);
  }
  return undefined;
}

/**
 * What a term becomes when the map does not say: a topic of the same name. WordPress's
 * default category holds every post nobody filed, so it says nothing about any of them.
 */
export function defaultRule(term: SourceTerm): TermRule {
  if (term.kind === "category" && /^(uncategori[sz]ed|general)$/i.test(term.slug)) return "skip";
  return { name: term.name, type: "topic" };
}

export function ruleFor(term: SourceTerm, map: TermMap | undefined): TermRule {
  return map?.[SECTION[term.kind]][term.slug] ?? defaultRule(term);
}

/**
 * A post's terms as its `entities`, each with its type. Topics too go there rather than in
 * `tags`, so that every term gets its entity page, as categories and tags had pages before.
 */
export function applyTerms(terms: readonly SourceTerm[], map: TermMap | undefined) {
  const entities: { name: string; type: EntityType }[] = [];
  for (const term of terms) {
    const rule = ruleFor(term, map);
    if (rule === "skip" || entities.some((one) => one.name === rule.name)) continue;
    entities.push({ name: rule.name, type: rule.type });
  }
  return entities;
}

/** Terms of the map's sections that the map does not list yet. */
export function unmappedTerms(terms: readonly CountedTerm[], map: TermMap): CountedTerm[] {
  return terms.filter((term) => !(term.slug in map[SECTION[term.kind]]));
}

/**
 * The editor's map with `terms` (new in this export) added to their sections, each with its
 * default and count, marked new. The editor's own lines, choices and comments stay as they are.
 */
export function addToTermMap(text: string, terms: readonly CountedTerm[]): string {
  const doc: Document = parseDocument(text);
  if (!isMap(doc.contents)) doc.contents = new YAMLMap();
  for (const term of sortedTerms(terms)) {
    const section = SECTION[term.kind];
    let entries = doc.get(section);
    if (!isMap(entries)) {
      entries = new YAMLMap();
      doc.set(section, entries);
    }
    // A section written `tags: {}` (none yet) grows one line per term, as the first map has.
    (entries as YAMLMap).flow = false;
    const rule = doc.createNode(defaultRule(term), { flow: true });
    rule.comment = ` ${posts(term.count)}, new in this export`;
    (entries as YAMLMap).add(doc.createPair(term.slug, rule));
  }
  return doc.toString({ lineWidth: 0 });
}

function posts(count: number): string {
  return `${count} post${count === 1 ? "" : "s"}`;
}

/** Most used first, then by slug: the order of the map's lines. */
function sortedTerms(terms: readonly CountedTerm[]): CountedTerm[] {
  return [...terms].sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
}

/** Every term with its count, most used first, each line editable on its own. */
export function termMapText(terms: readonly CountedTerm[]): string {
  const lines = [
    "# How the import turns categories and tags into Dateline entities. Give each term the",
    "# entity it stands for, { name: …, type: … } with type one of person, organization,",
    "# place, event, work or topic, or skip to drop it; then run the import again.",
    "# The number after each term is how many posts have it.",
  ];
  for (const kind of ["category", "tag"] as const) {
    lines.push(`${SECTION[kind]}:`);
    const listed = sortedTerms(terms.filter((term) => term.kind === kind));
    if (listed.length === 0) lines[lines.length - 1] += " {}";
    for (const term of listed) {
      const rule = stringify(defaultRule(term), { collectionStyle: "flow", lineWidth: 0 }).trim();
      const key = stringify(term.slug).trim();
      lines.push(`  ${key}: ${rule} # ${posts(term.count)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Each term once, with the number of posts that have it. */
export function countTerms(posts: readonly { terms: readonly SourceTerm[] }[]): CountedTerm[] {
  const counted = new Map<string, CountedTerm>();
  for (const post of posts) {
    for (const term of post.terms) {
      const key = `${term.kind}\u0000${term.slug}`;
      const seen = counted.get(key);
      if (seen) seen.count++;
      else counted.set(key, { ...term, count: 1 });
    }
  }
  return [...counted.values()];
}
