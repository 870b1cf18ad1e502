// `npm run entities:suggest -- <article file> [--write] [--accept "Name"]…`: prints the people,
// organisations and places the article mentions and does not list (src/archive/
// suggest-entities.ts), registered ones first. `--write` adds the registered ones to its
// `entities`, and the new candidates named by --accept.
import { readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { NameIndex } from "../archive/mention-hints.ts";
import { registryOf, suggest, type Suggestion, withEntities } from "../archive/suggest-entities.ts";
import { resolveOptions } from "../config/options.ts";
import { loadContent } from "../content/load.ts";
import { nameKey } from "../content/paths.ts";
import { Problems } from "../content/problems.ts";
import { validateContent } from "../content/validate.ts";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      write: { type: "boolean" },
      accept: { type: "string", multiple: true },
      content: { type: "string" },
      output: { type: "string" },
    },
    allowPositionals: true,
  });
  const options = resolveOptions();
  const path = positionals[0] && resolve(options.workingDir, positionals[0]);
  if (!path) {
    console.error(
      "Give the article: npm run entities:suggest -- content/articles/2020/08/story.md [--write]",
    );
    process.exit(2);
  }
  const problems = new Problems();
  const content = validateContent(
    (await loadContent(options.contentDir, problems)).files,
    problems,
  );
  const article = content.articles.find((source) => source.file.path === path);
  const shown = relative(options.workingDir, path);
  if (!article) {
    const why = problems.list.find(
      (problem) => problem.file === path && problem.severity === "error",
    );
    console.error(
      why
        ? `${shown} has errors: run npm run check first (${why.message}).`
        : `${shown} is not an article of ${relative(options.workingDir, options.contentDir) || "."}.`,
    );
    process.exit(1);
  }
  const registry = registryOf(content.entities, content.articles);
  const suggestions = suggest(article, registry, new NameIndex(registry.all()));
  report(suggestions);
  if (!values.write) return;
  const accepted = new Set((values.accept ?? []).map(nameKey));
  const added = suggestions
    .filter((s) => s.registered || accepted.has(nameKey(s.name)))
    .map((s) => s.name);
  if (added.length === 0) return console.log("\nNothing to add.");
  await writeFile(path, withEntities(await readFile(path, "utf8"), added));
  console.log(`\nAdded to entities: ${added.join(", ")}`);
}

function report(suggestions: readonly Suggestion[]): void {
  const registered = suggestions.filter((s) => s.registered);
  const fresh = suggestions.filter((s) => !s.registered);
  if (suggestions.length === 0) return console.log("Every name found is listed already.");
  if (registered.length) {
    console.log("Mentioned, known to the archive, not listed:");
    for (const s of registered) console.log(`  ${s.name} (${s.type}, line ${s.line})`);
  }
  if (fresh.length) {
    console.log(
      `${registered.length ? "\n" : ""}Other names found (add one with --write --accept "Name"):`,
    );
    for (const s of fresh) console.log(`  ${s.name} (${s.type}?)`);
  }
}

await main();
