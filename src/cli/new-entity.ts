// `npm run new -- --entity "Name" [--type person]`: write a new entity file, content/entities/
// <slug>.md, with its front matter filled in; never over an existing file, nor for a name an
// entity file already has as its name or an alias.
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import type { BuildOptions } from "../config/options.ts";
import { loadContent } from "../content/load.ts";
import { nameKey, slugify } from "../content/paths.ts";
import { Problems } from "../content/problems.ts";
import { ENTITY_TYPES, EntityType } from "../content/schema.ts";
import { validateContent } from "../content/validate.ts";

/** Writes the entity file and says where; the exit code to end with. */
export async function newEntity(
  name: string,
  type: string | undefined,
  options: BuildOptions,
): Promise<number> {
  const parsed = EntityType.safeParse(type ?? "organization");
  if (!parsed.success) {
    console.error(
      `--type "${type}" is not a type of entity: write one of ${ENTITY_TYPES.join(", ")}.`,
    );
    return 2;
  }
  const existing = await entityClaiming(name, options.contentDir);
  if (existing) {
    console.error(
      `"${name}" is already an entity: ${relative(options.workingDir, existing)}. ` +
        "Edit that file instead.",
    );
    return 1;
  }
  const file = join(options.contentDir, "entities", `${slugify(name)}.md`);
  const frontMatter = stringify(
    { name, type: parsed.data, aliases: [], description: "", links: [] },
    { lineWidth: 0 },
  );
  await mkdir(join(options.contentDir, "entities"), { recursive: true });
  try {
    await writeFile(file, `---\n${frontMatter}---\n`, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    console.error(
      `${relative(options.workingDir, file)} already exists; nothing was written. ` +
        "Edit that file, or choose another name.",
    );
    return 1;
  }
  console.log(relative(options.workingDir, file));
  return 0;
}

/** The entity file that has `name` as its name or an alias, if any. */
async function entityClaiming(name: string, contentDir: string): Promise<string | undefined> {
  const problems = new Problems();
  const { entities } = validateContent((await loadContent(contentDir, problems)).files, problems);
  const key = nameKey(name);
  const claiming = entities.find((source) =>
    [source.fields.name, ...source.fields.aliases].some((spelling) => nameKey(spelling) === key),
  );
  return claiming?.file.path;
}
