// For editors (src/cli/entities-suggest.ts): the people, organisations and places an
// article's body mentions that its `entities` does not list. Registered ones first (entity
// files' names and aliases, and names other articles list, found as the check's hints find
// them), then new candidates found by `compromise`, whose English model ships inside its npm
// package and runs offline.
import nlp from "compromise";
import { parseDocument, YAMLSeq } from "yaml";
import { nameKey } from "../content/paths.ts";
import { Problems } from "../content/problems.ts";
import type { EntityType } from "../content/schema.ts";
import type { ArticleSource, EntitySource } from "../content/validate.ts";
import type { NameIndex } from "./mention-hints.ts";
import { NameRegistry, type Registered } from "./registry.ts";

export interface Suggestion {
  name: string;
  type: EntityType;
  /** Registered: an entity file or another article names it; else a new candidate. */
  registered: boolean;
  /** Its first mention's line in the file, for registered ones. */
  line?: number;
}

/** Names compromise finds, by the type of entity each kind is. */
const KINDS: [(doc: ReturnType<typeof nlp>) => { json(): unknown }, EntityType][] = [
  [(doc) => doc.people(), "person"],
  [(doc) => doc.organizations(), "organization"],
  [(doc) => doc.places(), "place"],
];

/** What compromise finds in a text: each name once, as written, without a possessive. */
export function candidates(text: string): { name: string; type: EntityType }[] {
  const doc = nlp(text);
  const found = new Map<string, { name: string; type: EntityType }>();
  for (const [pick, type] of KINDS) {
    for (const match of pick(doc).json() as { text: string }[]) {
      const name = match.text
        .replace(/[’']s$/u, "")
        .replace(/^[\s"“(]+|[\s"”),.;:!?]+$/gu, "")
        .trim();
      if (/\p{L}/u.test(name) && !found.has(nameKey(name)))
        found.set(nameKey(name), { name, type });
    }
  }
  return [...found.values()];
}

/** The suggestions for one article of the archive: registered ones first, then candidates. */
export function suggest(
  article: ArticleSource,
  registry: NameRegistry<EntitySource>,
  index: NameIndex<EntitySource>,
): Suggestion[] {
  const listed = new Set(
    article.fields.entities.map((item) =>
      registry.find(typeof item === "string" ? item : item.name),
    ),
  );
  const registered: Suggestion[] = [];
  const known = new Set<Registered<EntitySource>>(listed as Set<Registered<EntitySource>>);
  for (const [entry, { start }] of index.find(article.body)) {
    if (known.has(entry)) continue;
    known.add(entry);
    const line =
      article.bodyLine -
      leadingBlankLines(article.body) +
      (article.body.slice(0, start).match(/\n/g)?.length ?? 0);
    registered.push({ name: entry.name, type: entry.type, registered: true, line });
  }
  // A candidate that is, or holds, a registered name is not new ("Facebook's Newsroom").
  const fresh = candidates(article.body).filter(
    (candidate) => !registry.find(candidate.name) && index.find(candidate.name).size === 0,
  );
  return [...registered, ...fresh.map((candidate) => ({ ...candidate, registered: false }))];
}

function leadingBlankLines(body: string): number {
  return body.match(/^(?:[ \t]*\n)*/)![0].split("\n").length - 1;
}

/** The archive's registry of entities: files, and the names articles list. */
export function registryOf(
  entities: readonly EntitySource[],
  articles: readonly ArticleSource[],
): NameRegistry<EntitySource> {
  const registry = new NameRegistry<EntitySource>("entity", new Problems());
  for (const source of entities)
    registry.register(source, source.fields.type, source.fields.aliases);
  for (const article of articles) {
    for (const item of article.fields.entities) {
      const mention = typeof item === "string" ? { name: item } : item;
      registry.resolve({ ...mention, file: article.file.path, place: () => ({}) });
    }
  }
  return registry;
}

/** The file's text with `names` added to its `entities` list (comments and order kept). */
export function withEntities(text: string, names: readonly string[]): string {
  const match = /^(---[^\n]*\n)([\s\S]*?\n)(---[ \t]*\n?)/.exec(text);
  if (!match) throw new Error("the file has no front matter to add to");
  const doc = parseDocument(match[2]!);
  const list = doc.get("entities");
  const seq = list instanceof YAMLSeq ? list : new YAMLSeq();
  for (const name of names) seq.add(doc.createNode(name));
  doc.set("entities", seq);
  return `${match[1]}${doc.toString({ lineWidth: 0 })}${match[3]}${text.slice(match[0].length)}`;
}
