// `npm run new -- "Headline" [--author "Name"]`: write a new draft article with its front matter
// filled in, under articles/YYYY/MM/, and never over an existing file. With --entity, an entity
// file instead (./new-entity.ts).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { resolveOptions } from "../config/options.ts";
import { pad2 } from "../content/dates.ts";
import { slugify } from "../content/paths.ts";
import { compareText } from "../archive/registry.ts";
import { loadContent } from "../content/load.ts";
import { Problems } from "../content/problems.ts";
import { PLACEHOLDER_BODY, validateContent } from "../content/validate.ts";
import { newEntity } from "./new-entity.ts";

const options = resolveOptions();
const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { author: { type: "string" }, entity: { type: "string" }, type: { type: "string" }, content: { type: "string" }, output: { type: "string" } }, allowPositionals: true });
// `npm run new -- --entity "Name" --type person` writes an entity file instead.
if (values.entity !== undefined) {
  const name = values.entity.trim();
  if (!name) {
    console.error('Give the name: npm run new -- --entity "Christopher Krebs" --type person');
    process.exit(2);
  }
  process.exit(await newEntity(name, values.type, options));
}
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Give the headline: npm run new -- "Council approves the budget" [--author "Your Name"]');
  process.exit(2);
}

const stateFile = join(options.cacheDir, "new-article.json");
const author = values.author?.trim() || (await lastAuthor());
if (!author) {
  console.error('Who writes it? Add --author "Your Name" (it is remembered for next time).');
  process.exit(2);
}

// The editor's own calendar day, not UTC's. DATELINE_NOW sets the clock, for tests.
const now = clock(process.env.DATELINE_NOW);
const date = `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
const folder = join(options.contentDir, "articles", String(now.getFullYear()), pad2(now.getMonth() + 1));
const file = join(folder, `${slugify(title)}.md`);
// A new article is a draft, so that a build made before it is written cannot publish it.
const frontMatter = stringify({ title, date, author, summary: "", entities: [], draft: true }, { lineWidth: 0 })
  .replace(/^date: "?(\d{4}-\d{2}-\d{2})"?$/m, "date: $1")
  .replace(/^draft: true$/m, "draft: true # delete this line (or set it to false) to publish");
await mkdir(dirname(file), { recursive: true });
try {
  await writeFile(file, `---\n${frontMatter}---\n\n${PLACEHOLDER_BODY}\n`, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") {
    console.error(`${relative(options.workingDir, file)} already exists; nothing was written. Choose another headline, or edit that file.`);
    process.exit(1);
  }
  throw error;
}
await mkdir(options.cacheDir, { recursive: true });
await writeFile(stateFile, JSON.stringify({ author }));
console.log(relative(options.workingDir, file));

function clock(setting: string | undefined): Date {
  if (setting === undefined) return new Date();
  const now = new Date(setting);
  if (Number.isNaN(now.getTime())) {
    console.error(`DATELINE_NOW "${setting}" is not a date-time: write it like 2021-03-04T09:00:00, or unset it.`);
    process.exit(2);
  }
  return now;
}

/** The author given last time, else the byline of the archive's newest article. */
async function lastAuthor(): Promise<string | undefined> {
  try {
    const saved = JSON.parse(await readFile(stateFile, "utf8")) as { author?: unknown };
    if (typeof saved.author === "string" && saved.author) return saved.author;
  } catch {
    // No state yet: fall back to the archive.
  }
  // Front matter is enough: no need to render the archive to read one byline.
  const problems = new Problems();
  const { articles } = validateContent((await loadContent(options.contentDir, problems)).files, problems);
  const newest = articles.sort((a, b) => compareText(b.date.written, a.date.written))[0];
  return newest?.fields.author[0];
}
