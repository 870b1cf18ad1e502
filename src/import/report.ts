// Import, the last step: what the run did, in an editor's words. Problems come per post, with
// its title and its place in the source, so that each can be found and fixed.
import type { ImportResult } from "./import-archive.ts";
import type { Outcome } from "./write-files.ts";

const WHAT: Record<Outcome, string> = {
  "created": "written",
  "updated": "updated from the source",
  "unchanged": "unchanged",
  "kept-edited": "left alone: changed by an editor since the last import",
  "kept-deleted": "left alone: deleted by an editor since the last import",
  "kept-existing": "left alone: the file exists and was not written by the import",
  "kept-own-entity": "left alone: an entity file the import did not write has this name or " +
    "alias, and the articles name it",
  "kept-unused": "left alone: written by an earlier import, but no term maps to its entity " +
    "now (the map renamed or skipped it); to retire its page, delete it and add its name " +
    "to the new entity's aliases, so that its old address leads there",
};

const DRY_RUN: Partial<Record<Outcome, string>> = {
  "created": "to write",
  "updated": "to update from the source",
};

export function formatImportReport(result: ImportResult, source: string, dryRun: boolean,
  mapFile: string): string {
  const lines: string[] = [];
  const verb = dryRun ? "Would import" : "Imported";
  const drafts = result.articles.filter((one) => one.draft).length;
  lines.push(`${verb} ${result.articles.length} posts from ${source} (${result.sourceKind}), ` +
    `${drafts} of them as drafts.`);
  for (const outcome of Object.keys(WHAT) as Outcome[]) {
    const files = [...result.articles, ...result.others].filter((one) => one.outcome === outcome);
    if (files.length === 0) continue;
    const what = dryRun ? DRY_RUN[outcome] ?? WHAT[outcome] : WHAT[outcome];
    lines.push(`  ${files.length} ${files.length === 1 ? "file" : "files"} ${what}`);
    if (dryRun || outcome.startsWith("kept") || outcome === "updated") {
      for (const file of files) lines.push(`    ${file.path}`);
    }
  }
  if (result.skipped.size > 0) {
    const skipped = [...result.skipped.values()]
      .map(({ one, many, count }) => `${count} ${count === 1 ? one : many}`).join(", ");
    lines.push(`Not imported: ${skipped}.`);
  }
  if (result.mapWritten) {
    lines.push(`Wrote ${mapFile} with every category and tag: adjust it and import again.`);
  }
  if (result.addedToMap.length > 0) {
    const names = result.addedToMap.map((term) =>
      `${term.kind} ${term.slug} (${term.count} post${term.count === 1 ? "" : "s"})`).join(", ");
    const added = dryRun ? "Would add" : "Added";
    lines.push(`${added} the terms new in this source to ${mapFile}, each as a topic of its ` +
      `own name (or skip, for a catch-all category): ${names}. Your other lines are as you ` +
      "left them: adjust the new ones and import again.");
  }
  if (result.problems.length > 0) {
    lines.push("Problems:");
    for (const problem of result.problems) {
      lines.push(`  ${problem.place}  "${problem.title}": ${problem.message}`);
    }
  }
  return lines.join("\n");
}
