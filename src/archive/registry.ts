// Names to things: resolves the names written in articles to one entity or author each,
// through entity files' names and aliases, folding case (and, with a warning, accents).
import { disambiguate, looseNameKey, nameKey, type Slug, slugify } from "../content/paths.ts";
import type { Place, Problems } from "../content/problems.ts";
import type { EntityType } from "../content/schema.ts";
import type { AuthorSource, EntitySource } from "../content/validate.ts";
import { ENTITY_COUNT_URL } from "./entity-index.ts";

/**
 * Slugs that the site's own pages take in each folder: a name that slugifies to one (a tag
 * "By count") gets a suffixed slug, as it would beside another name of that slug.
 */
const RESERVED_SLUGS: Record<"entity" | "author", ReadonlySet<string>> = {
  entity: new Set([ENTITY_COUNT_URL.split("/")[2]!]),
  author: new Set(),
};

export interface Registered<S> {
  key: string;
  name: string;
  /** The exact spellings its file gives: the name and the aliases. */
  spellings: Set<string>;
  source?: S;
  type: EntityType;
  slug: Slug;
}

interface Mention {
  name: string;
  type?: EntityType;
  file: string;
  /** A tag: a topic unless the name is already another type's, which it may name (README). */
  tag?: boolean;
  /** Where the name is written: looked up only for a warning, as most names need none. */
  place: () => Place;
}

/**
 * A registry of named things (entities or authors). Things with a file are registered up
 * front; any other name an article uses becomes a thing of its own on first mention.
 */
export class NameRegistry<S extends EntitySource | AuthorSource> {
  private readonly byKey = new Map<string, Registered<S>>();
  private readonly byLooseKey = new Map<string, Registered<S>>();
  /** Which file claimed each key, and whether as a name or an alias, for messages. */
  private readonly claims = new Map<string, { file: string; as: "name" | "alias" }>();
  /** Each spelling's key: a name is written in many articles, and folding it costs. */
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly what: "entity" | "author",
    private readonly problems: Problems,
  ) {}

  register(source: S, type: EntityType, aliases: readonly string[]): void {
    const name = source.fields.name;
    const entry: Registered<S> = { key: nameKey(name), name, spellings: new Set([name, ...aliases]), source, type, slug: "" as Slug };
    this.claim(entry, name, "name", ["name"]);
    aliases.forEach((alias, i) => this.claim(entry, alias, "alias", ["aliases", i]));
  }

  private claim(entry: Registered<S>, written: string, as: "name" | "alias", path: (string | number)[]): void {
    const source = entry.source!;
    const key = nameKey(written);
    const owner = this.byKey.get(key);
    const claim = this.claims.get(key);
    if (owner && owner !== entry && claim) {
      const rule = as === "name" && claim.as === "name" ? `duplicate-${this.what}` : "duplicate-alias";
      const message = claim.as === "name" ? `${this.what} "${written}" is also defined in ${claim.file}` : `"${written}" is already an alias of "${owner.name}" (${claim.file})`;
      const fix = rule === `duplicate-${this.what}` ? "keep one file per name and delete or rename the other" : as === "alias" ? "remove the alias from one of the two files" : "remove the alias, or rename this entity";
      this.problems.error(source.file.path, rule, message, fix, source.locate(path));
      return;
    }
    this.byKey.set(key, entry);
    this.claims.set(key, { file: source.file.relativePath, as });
    const loose = looseNameKey(written);
    const looseOwner = this.byLooseKey.get(loose);
    if (!looseOwner) this.byLooseKey.set(loose, entry);
    else if (looseOwner !== entry && as === "name" && looseOwner.source) {
      this.problems.warn(source.file.path, `${this.what}-spelling`, `${this.what} "${written}" differs only by accents from "${looseOwner.name}" (${looseOwner.source.file.relativePath})`, "if they are the same, keep one file and list the other spelling in its aliases", source.locate(path));
    }
  }

  /** The thing a name stands for, if any: nothing is registered. */
  find(name: string): Registered<S> | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** The thing a written name stands for, registering it if it is new. */
  resolve(mention: Mention): Registered<S> {
    const key = this.keyOf(mention.name);
    const known = this.byKey.get(key);
    if (known) {
      if (known.source && !known.spellings.has(mention.name.trim())) {
        this.problems.warn(mention.file, `${this.what}-spelling`, `${this.what} "${mention.name}" differs only by case from "${known.name}" and is taken to be the same`, `write "${known.name}"`, mention.place());
      }
      const otherType = mention.type && mention.type !== known.type && !mention.tag;
      if (otherType) this.warnOtherType(mention, known);
      return known;
    }
    const loose = looseNameKey(mention.name);
    const nearly = this.byLooseKey.get(loose);
    if (nearly?.source) {
      this.problems.warn(mention.file, `${this.what}-spelling`, `${this.what} "${mention.name}" differs only by accents from "${nearly.name}" and is taken to be the same`, `write "${nearly.name}" (or add "${mention.name}" to its aliases)`, mention.place());
      this.byKey.set(key, nearly);
      return nearly;
    }
    const entry: Registered<S> = { key, name: mention.name.trim(), spellings: new Set(), type: mention.type ?? "organization", slug: "" as Slug };
    this.byKey.set(key, entry);
    this.byLooseKey.set(loose, entry);
    return entry;
  }

  /** One thing has one type: the file's, else the first article's; another is set aside. */
  private warnOtherType(mention: Mention, known: Registered<S>): void {
    const from = known.source ? known.source.file.relativePath : "as an article first gives it";
    const message = `"${mention.name}" is a ${mention.type} here, but its type is ${known.type} (${from})`;
    const fix = known.source
      ? `write type: ${known.type}, or change the type in ${known.source.file.relativePath}`
      : "give it one type everywhere, or an entity file with its type";
    this.problems.warn(mention.file, `${this.what}-type`, message, fix, mention.place());
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) this.keys.set(name, (key = nameKey(name)));
    return key;
  }

  /**
   * Every distinct thing, each with a slug of its own. A name keeps the slug it was first
   * published under (`recorded`, from content/published-urls.json); among the others, names
   * that slugify alike share out the plain slug and suffixed ones, never one another's.
   */
  all(recorded: ReadonlyMap<string, Slug> = new Map()): Registered<S>[] {
    const distinct = [...new Set(this.byKey.values())].sort((a, b) => compareText(a.key, b.key));
    const holders = new Map<Slug, Registered<S>>();
    const fresh: Registered<S>[] = [];
    for (const entry of distinct) {
      const slug = recorded.get(entry.key);
      if (slug && !holders.has(slug)) {
        entry.slug = slug;
        holders.set(slug, entry);
      } else fresh.push(entry);
    }
    const bySlug = new Map<Slug, Registered<S>[]>();
    for (const entry of fresh) {
      const slug = slugify(entry.name);
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), entry]);
    }
    // A plain slug is spoken for by the name that spells it, even before its turn comes.
    const reserved = RESERVED_SLUGS[this.what];
    const taken = (slug: Slug) => holders.has(slug) || bySlug.has(slug) || reserved.has(slug);
    for (const [slug, entries] of bySlug) {
      // The one with a file keeps the plain slug, else the name that spells the slug exactly
      // ("C" over "C#"), else the first by name; unless a published name holds it already.
      const keeper = holders.has(slug) || reserved.has(slug) ? undefined : (entries.find((entry) => entry.source) ?? entries.find((entry) => entry.key === slug) ?? entries[0]);
      for (const entry of entries) {
        entry.slug = entry === keeper ? slug : disambiguate(slug, entry.key, taken);
        holders.set(entry.slug, entry);
        const holder = entry === keeper ? undefined : (holders.get(slug) ?? keeper);
        if (holder?.source && entry.source) this.warnUrlTaken(entry, holder, slug);
        if (reserved.has(slug) && entry.source) this.warnUrlReserved(entry, slug);
      }
    }
    return distinct;
  }

  private warnUrlReserved(entry: Registered<S>, slug: Slug): void {
    const folder = this.what === "entity" ? "entities" : "authors";
    const source = entry.source!;
    const message = `"${entry.name}" would publish to /${folder}/${slug}/, a page of the site's ` +
      `own, so it publishes to /${folder}/${entry.slug}/`;
    const fix = "rename it if that URL should be readable";
    const place = source.locate(["name"]);
    this.problems.warn(source.file.path, `${this.what}-url-taken`, message, fix, place);
  }

  private warnUrlTaken(entry: Registered<S>, holder: Registered<S>, slug: Slug): void {
    const folder = this.what === "entity" ? "entities" : "authors";
    const url = `/${folder}/${slug}/`;
    const source = entry.source!;
    this.problems.warn(source.file.path, `${this.what}-url-taken`, `"${entry.name}" would publish to ${url}, as "${holder.name}" (${holder.source!.file.relativePath}) does, so it publishes to /${folder}/${entry.slug}/`, "rename one of the two if that URL should be readable", source.locate(["name"]));
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
