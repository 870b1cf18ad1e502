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
  /** Which file claimed each key, and whether as a name or an alias, for messages. */
  private readonly claims = new Map<string, { file: string; as: "name" | "alias" }>();

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
      // The one with a file keeps the plain slug, else the name that spells the slug exactly
      // ("C" over "C#"), else the first by name. Without a record of earlier builds, a name
      // added later can still take a slug from one without a file: give it a file to keep it.
      const keeper = entries.find((entry) => entry.source) ?? entries.find((entry) => entry.key === slug) ?? entries[0];
      for (const entry of entries) {
        entry.slug = entry === keeper ? slug : disambiguate(slug, entry.key);
        if (entry !== keeper && entry.source && keeper?.source) {
          const url = `/${this.what === "entity" ? "entities" : "authors"}/${slug}/`;
          this.problems.warn(entry.source.file.path, `${this.what}-url-taken`, `"${entry.name}" would publish to ${url}, as "${keeper.name}" (${keeper.source.file.relativePath}) does, so it publishes to ${url.replace(slug, entry.slug)}`, "rename one of the two if that URL should be readable", entry.source.locate(["name"]));
        }
      }
    }
    return distinct;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
