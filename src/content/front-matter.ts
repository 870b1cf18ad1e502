// Stage 2, front matter: split each file into YAML front matter and Markdown body, keeping
// where every key sits so that later problems can name the line.
import matter from "gray-matter";
import { isMap, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Place, Problems } from "./problems.ts";

export type KeyPath = readonly (string | number)[];

export interface FrontMatter extends YamlMapping {
  body: string;
  /** 1-based line of the file where the body's text starts. */
  bodyLine: number;
}

/** What gray-matter would otherwise `eval`: refused, never run. */
const REFUSED_ENGINES = ["javascript", "js", "coffee", "coffeescript", "cson", "json", "toml"];

export function parseFrontMatter(file: string, source: string, problems: Problems): FrontMatter | undefined {
  // `--- # a comment` is valid YAML, but gray-matter would read the comment as a language.
  const text = source.replace(/^---[ \t]+#[^\n]*\n/, "---\n");
  const language = /^---[ \t]*([^\s-][^\n]*)\n/.exec(text)?.[1]?.trim();
  if (language && !["yaml", "yml"].includes(language.toLowerCase())) {
    problems.error(file, "front-matter-language", `front matter is marked as "${language}"; only YAML is accepted, and it is never run as code`, "start the file with a line of just --- and write the keys in YAML", { line: 1, column: 4 });
    return undefined;
  }
  if (!text.startsWith("---")) {
    problems.error(file, "front-matter-missing", "file has no front matter", "start the file with ---, then title, date and author lines, then ---", { line: 1 });
    return undefined;
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    problems.error(file, "front-matter-unclosed", "front matter is never closed", "add a line of just --- after the last front-matter key", { line: 1 });
    return undefined;
  }

  let yamlSource = "";
  const yamlEngine = (source: string): object => {
    yamlSource = source;
    return {};
  };
  const refuse = (): never => {
    throw new Error("front matter language refused");
  };
  const engines = Object.fromEntries([["yaml", yamlEngine], ...REFUSED_ENGINES.map((name) => [name, refuse])]);
  // gray-matter caches by content unless given options; these options also turn off its eval engine.
  const split = matter(text, { engines, language: "yaml" });
  // The YAML starts right after `---` on line 1, so its lines are the file's lines.
  const mapping = parseYamlMapping(file, yamlSource, problems);
  if (!mapping) return undefined;
  const consumed = text.length - split.content.length;
  const leadingBlankLines = /^(?:[ \t]*\n)*/.exec(split.content)?.[0].split("\n").length ?? 1;
  const bodyLine = text.slice(0, consumed).split("\n").length + leadingBlankLines - 1;
  return { ...mapping, body: split.content, bodyLine };
}

/** YAML that must be a mapping of keys, with every key's place: front matter and site.yaml. */
export interface YamlMapping {
  /** The parsed YAML as plain data: unknown until a schema has checked it. */
  data: Record<string, unknown>;
  /** The line and column of a key (or of its value), for messages. */
  locate(path: KeyPath): Place;
  /** Top-level keys with their places, in file order. */
  keys: { key: string; place: Place }[];
}

export function parseYamlMapping(file: string, source: string, problems: Problems): YamlMapping | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: "core" });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const error of doc.errors) {
    problems.error(file, "yaml-syntax", `YAML error: ${firstLine(error.message)}`, "fix the YAML: quote text that contains a colon, and indent list items evenly", at(error.pos[0]));
  }
  if (doc.errors.length) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    // The yaml library refuses alias chains that would expand without bound ("billion laughs").
    problems.error(file, "yaml-syntax", `YAML error: ${firstLine((error as Error).message)}`, "write the values out instead of repeating &anchors and *aliases", { line: 1 });
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    problems.error(file, "yaml-not-mapping", "the YAML is not a list of `key: value` lines", "write each field as `key: value` on its own line", { line: 1 });
    return undefined;
  }
  const locate = (path: KeyPath): Place => {
    const node = doc.getIn(path, true) as Node | undefined;
    if (node?.range) return at(node.range[0]);
    // A key with an empty value has no value node: point at the key itself.
    const pair = path.length === 1 && isMap(doc.contents) ? doc.contents.items.find((item) => String((item.key as { value?: unknown })?.value) === String(path[0])) : undefined;
    const key = pair?.key as Node | undefined;
    if (key?.range) return at(key.range[0]);
    const parent = path.length > 1 ? (doc.getIn(path.slice(0, -1), true) as Node | undefined) : undefined;
    return parent?.range ? at(parent.range[0]) : { line: 1 };
  };
  const keys: YamlMapping["keys"] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as Node & { value?: unknown };
      if (key?.range) keys.push({ key: String(key.value ?? key), place: at(key.range[0]) });
    }
  }
  return { data: data as Record<string, unknown>, locate, keys };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

