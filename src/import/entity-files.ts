// Import, step 4b: the entities the map makes of categories and tags, one file each in the
// content contract's format (`name`, `type`; the term's description as the body, converted as
// the articles' bodies are). An entity file the import did not write, holding the same name or
// alias, is the editor's: it is left alone and reported, and the articles simply name it.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseFrontMatter } from "../content/front-matter.ts";
import { nameKey, slugify } from "../content/paths.ts";
import { Problems } from "../content/problems.ts";
import { EntityFrontMatter, type EntityType } from "../content/schema.ts";
import { convertBody } from "./convert-body.ts";
import { ruleFor, type TermMap } from "./map-terms.ts";
import type { SourceTerm, TermDescription } from "./source.ts";
import { type ImportRecord, type PlannedFile, sha256, type WriteResult } from "./write-files.ts";

const FOLDER = "entities";

/** An entity file already in the archive, as far as the import needs to know it. */
export interface ExistingEntityFile {
  /** Relative to the content folder, with `/`. */
  path: string;
  /** The name keys of its name and aliases; none when its front matter cannot be read. */
  keys: string[];
  /** Written by an earlier import (listed in the import record). */
  imported: boolean;
  /** Written by an earlier import and not changed since: the import's own to update. */
  untouched: boolean;
}

/** A problem with one term's entity, placed by the term. */
export interface TermProblem {
  place: string;
  title: string;
  message: string;
}

export interface EntityPlan {
  /** Files to write (or leave, when unchanged): write-files decides, as for articles. */
  files: PlannedFile[];
  /** Files left alone without a plan: an editor's entity, or one no term maps to now. */
  kept: WriteResult[];
  problems: TermProblem[];
}

export interface EntityInput {
  /** The terms of the imported, published articles (a term only drafts have gets no page). */
  terms: readonly SourceTerm[];
  map: TermMap | undefined;
  descriptions: readonly TermDescription[];
  existing: readonly ExistingEntityFile[];
}

interface EntityGroup {
  key: string;
  name: string;
  type: EntityType;
  /** Every term mapped to this entity, categories first, then by slug. */
  terms: SourceTerm[];
}

/** The entity files the import would write, and the ones it leaves alone, with why. */
export function planEntityFiles(input: EntityInput): EntityPlan {
  const groups = entityGroups(input.terms, input.map);
  const paths = assignPaths(groups, input.existing);
  const problems: TermProblem[] = [];
  const files: PlannedFile[] = [];
  const kept: WriteResult[] = [];
  for (const group of groups) {
    const place = paths.get(group.key)!;
    if ("editors" in place) {
      // Two terms may meet one editor's file, by its name and by an alias: reported once.
      if (!kept.some((one) => one.path === place.editors)) {
        kept.push({ path: place.editors, outcome: "kept-own-entity" });
      }
      continue;
    }
    files.push({ path: place.path, bytes: entityText(group, input.descriptions, problems) });
  }
  const used = new Set([...files, ...kept].map((one) => one.path));
  for (const file of input.existing) {
    if (file.imported && !used.has(file.path)) {
      kept.push({ path: file.path, outcome: "kept-unused" });
    }
  }
  return { files, kept, problems };
}

/** One group per entity: terms the map gives one name (folded as the registry folds it) meet. */
function entityGroups(terms: readonly SourceTerm[], map: TermMap | undefined): EntityGroup[] {
  const groups = new Map<string, EntityGroup>();
  const seen = new Set<string>();
  for (const term of [...terms].sort(byKindAndSlug)) {
    const id = `${term.kind}\u0000${term.slug}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const rule = ruleFor(term, map);
    if (rule === "skip") continue;
    const key = nameKey(rule.name);
    const group = groups.get(key);
    if (group) group.terms.push(term);
    else groups.set(key, { key, name: rule.name, type: rule.type, terms: [term] });
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function byKindAndSlug(a: SourceTerm, b: SourceTerm): number {
  if (a.kind !== b.kind) return a.kind === "category" ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

type Place = { path: string } | { editors: string };

/**
 * Where each entity's file goes. A file that already names the entity keeps it: the editor's
 * (left alone), an import-written one an editor changed (write-files keeps it), else the
 * import's own. Only then do new entities take a free path, so that a newcomer whose name
 * slugifies alike ("C" beside "C#") never takes over another entity's file.
 */
function assignPaths(groups: readonly EntityGroup[],
  existing: readonly ExistingEntityFile[]): Map<string, Place> {
  const places = new Map<string, Place>();
  const claimedBy = (key: string, untouched: boolean) =>
    existing.find((file) => file.untouched === untouched && file.keys.includes(key));
  for (const group of groups) {
    const claimant = claimedBy(group.key, false);
    if (claimant) {
      const place = claimant.imported ? { path: claimant.path } : { editors: claimant.path };
      places.set(group.key, place);
      continue;
    }
    // The import's own file holds the entity's name (its first key), not an alias.
    const own = existing.find((file) => file.untouched && file.keys[0] === group.key);
    if (own) places.set(group.key, { path: own.path });
  }
  // Only the import's own untouched files (another entity's, by now) are stepped around. A
  // file at the plain path that an editor wrote, or changed (renamed the entity, say), stays
  // the entity's: write-files leaves it alone and reports it, and the articles name the entity.
  const taken = new Set([...existing.filter((file) => file.untouched).map((file) => file.path),
    ...[...places.values()].flatMap((place) => ("path" in place ? [place.path] : []))]);
  for (const group of groups) {
    if (places.has(group.key)) continue;
    const slug = slugify(group.name);
    let path = `${FOLDER}/${slug}.md`;
    for (let n = 2; taken.has(path); n++) path = `${FOLDER}/${slug}-${n}.md`;
    taken.add(path);
    places.set(group.key, { path });
  }
  return places;
}

/** The file's text: name and type, and the first described term's description as its body. */
function entityText(group: EntityGroup, descriptions: readonly TermDescription[],
  problems: TermProblem[]): string {
  const yaml = stringify({ name: group.name, type: group.type }, { lineWidth: 0 });
  const described = group.terms.map((term) => descriptionOf(term, descriptions)).find(Boolean);
  // WordPress shows a term's description through wpautop, as it does a classic post.
  const body = described ? convertBody(described.html, {
    paragraphsAsBlankLines: true, shortcodes: { postId: "", attachments: new Map() },
  }) : undefined;
  for (const message of body?.problems ?? []) {
    problems.push({ place: described!.place, title: group.name,
      message: `its description: ${message}` });
  }
  return `---\n${yaml}---\n${body?.markdown ? `\n${body.markdown}` : ""}`;
}

function descriptionOf(term: SourceTerm, descriptions: readonly TermDescription[]) {
  return descriptions.find((one) => one.kind === term.kind && one.slug === term.slug);
}

/** The archive's entity files, read as far as the import needs: names, aliases, whose. */
export async function readEntityFiles(contentDir: string,
  record: ImportRecord): Promise<ExistingEntityFile[]> {
  let names: string[];
  try {
    names = (await readdir(join(contentDir, FOLDER))).filter((name) => name.endsWith(".md"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return Promise.all(names.sort().map(async (name) => {
    const path = `${FOLDER}/${name}`;
    const bytes = await readFile(join(contentDir, path));
    const written = record.files[path];
    return { path, keys: entityKeys(path, bytes.toString("utf8")), imported: written !== undefined,
      untouched: written === sha256(bytes) };
  }));
}

/**
 * The name's key first, then the aliases'. A file whose front matter cannot be read claims no
 * name here: `npm run check` reports it, and its path is still never written over.
 */
function entityKeys(path: string, text: string): string[] {
  const front = parseFrontMatter(path, text, new Problems());
  const fields = front ? EntityFrontMatter.safeParse(front.data) : undefined;
  if (!fields?.success) return [];
  return [fields.data.name, ...fields.data.aliases].map(nameKey);
}
