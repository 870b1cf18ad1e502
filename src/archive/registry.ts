// Names to things: resolves the names written in articles to one entity or author each,
// through entity files' names and aliases, folding case (and, with a warning, accents).
import { disambiguate, looseNameKey, nameKey, type Slug, slugify } from "../content/paths.ts";
import type { Place, Problems } from "../content/problems.ts";
import type { EntityType } from "../content/schema.ts";
import type { AuthorSource, EntitySource } from "../content/validate.ts";

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
  place: Place;
}

/**
 * A registry of named things (entities or authors). Things with a file are registered up
 * front; any other name an article uses becomes a thing of its own on first mention.
 */
export class NameRegistry<S extends EntitySource | AuthorSource> {
  private readonly byKey = new Map<string, Registered<S>>();
  private readonly byLooseKey = new Map<string, Registered<S>>();
  private readonly fileByKey = new Map<string, string>();

  constructor(
    private readonly what: "entity" | "author",
    private readonly problems: Problems,
  ) {}

  register(source: S, type: EntityType, aliases: readonly string[]): void {
    const name = source.fields.name;
    const entry: Registered<S> = { key: nameKey(name), name, spellings: new Set([name, ...aliases]), source, type, slug: "" as Slug };
    this.claim(entry.key, entry, source, name, ["name"]);
    aliases.forEach((alias, i) => this.claim(nameKey(alias), entry, source, alias, ["aliases", i]));
  }

  private claim(key: string, entry: Registered<S>, source: S, written: string, path: (string | number)[]): void {
    const owner = this.byKey.get(key);
    const file = source.file.path;
    if (owner && owner !== entry) {
      const other = this.fileByKey.get(key) ?? "another file";
      const rule = path[0] === "name" ? `duplicate-${this.what}` : "duplicate-alias";
      const message = path[0] === "name" ? `${this.what} "${written}" is also defined in ${other}` : `alias "${written}" is already used by "${owner.name}" (${other})`;
      this.problems.error(file, rule, message, path[0] === "name" ? "keep one file per name and delete or rename the other" : "remove the alias from one of the two files", source.locate(path));
      return;
    }
    this.byKey.set(key, entry);
    this.fileByKey.set(key, file);
    const loose = looseNameKey(written);
    if (!this.byLooseKey.has(loose)) this.byLooseKey.set(loose, entry);
  }

  /** The thing a written name stands for, registering it if it is new. */
  resolve(mention: Mention): Registered<S> {
    const key = nameKey(mention.name);
    const known = this.byKey.get(key);
    if (known) {
      if (known.source && !known.spellings.has(mention.name.trim())) {
        this.problems.warn(mention.file, `${this.what}-spelling`, `${this.what} "${mention.name}" differs only by case from "${known.name}" and is taken to be the same`, `write "${known.name}"`, mention.place);
      }
      return known;
    }
    const nearly = this.byLooseKey.get(looseNameKey(mention.name));
    if (nearly?.source) {
      this.problems.warn(mention.file, `${this.what}-spelling`, `${this.what} "${mention.name}" differs only by accents from "${nearly.name}" and is taken to be the same`, `write "${nearly.name}" (or add "${mention.name}" to its aliases)`, mention.place);
      this.byKey.set(key, nearly);
      return nearly;
    }
    const entry: Registered<S> = { key, name: mention.name.trim(), spellings: new Set(), type: mention.type ?? "organization", slug: "" as Slug };
    this.byKey.set(key, entry);
    this.byLooseKey.set(looseNameKey(mention.name), entry);
    return entry;
  }

  /** Every distinct thing, each with a slug of its own (names that slugify alike get a suffix). */
  all(): Registered<S>[] {
    const distinct = [...new Set(this.byKey.values())].sort((a, b) => compareText(a.key, b.key));
    const bySlug = new Map<Slug, Registered<S>[]>();
    for (const entry of distinct) {
      const slug = slugify(entry.name);
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), entry]);
    }
    for (const [slug, entries] of bySlug) {
      // The one with a file (else the first by name) keeps the plain slug: it is the one most
      // likely to be linked from outside, and this keeps URLs stable as names are added.
      const keeper = entries.find((entry) => entry.source) ?? entries[0];
      for (const entry of entries) {
        entry.slug = entry === keeper ? slug : disambiguate(slug, entry.key);
        if (entry !== keeper && entry.source && keeper?.source) {
          const url = `/${this.what === "entity" ? "entities" : "authors"}/${slug}/`;
          this.problems.warn(entry.source.file.path, `${this.what}-url-taken`, `"${entry.name}" would publish to ${url}, as "${keeper.name}" (${keeper.source.file.path}) does, so it publishes to ${url.replace(slug, entry.slug)}`, "rename one of the two if that URL should be readable", entry.source.locate(["name"]));
        }
      }
    }
    return distinct;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
