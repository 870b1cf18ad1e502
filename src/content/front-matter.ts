// Stage 2, front matter: split each file into YAML front matter and Markdown body, keeping
// where every key sits so that later problems can name the line.
import { type Document, type ErrorCode, isMap, LineCounter, type Node, parseDocument } from "yaml";
import { type KeyPath, locator, type PlaceList, placeList } from "./places.ts";
import type { Place, Problems } from "./problems.ts";

export type { KeyPath } from "./places.ts";

export interface FrontMatter extends YamlMapping {
  body: string;
  /** 1-based line of the file where the body's text starts. */
  bodyLine: number;
}

/**
 * A fence is a line of exactly `---`, then only spaces or tabs: the rule of
 * micromark-extension-frontmatter and vfile-matter. Hand-written rather than gray-matter,
 * which is unmaintained, evaluates `---js` and trims every Unicode space, so that `---` and a
 * no-break space slipped past our checks into its engines. The opening fence may also carry a
 * YAML comment (`--- # by hand`), which YAML itself allows after `---`.
 */
const FENCE = /^---[ \t]*$/;
const OPENING_FENCE = /^---(?:[ \t]+#.*)?[ \t]*$/;

export function parseFrontMatter(
  file: string,
  source: string,
  problems: Problems,
): FrontMatter | undefined {
  const opening = source.slice(0, lineEnd(source, 0));
  if (!opening.startsWith("---")) {
    problems.error(file, "front-matter-missing", "file has no front matter",
      "start the file with ---, then title, date and author lines, then ---", { line: 1 });
    return undefined;
  }
  if (!OPENING_FENCE.test(opening)) {
    reportOpeningLine(file, opening.slice(3), problems);
    return undefined;
  }
  const closing = findLine(source, opening.length + 1, 1, (line) => FENCE.test(line));
  if (!closing) {
    reportUnclosed(file, source.split("\n"), problems);
    return undefined;
  }
  // The opening line's newline, kept, keeps the YAML's line numbers those of the file.
  const yaml = source.slice(opening.length, Math.max(opening.length, closing.start - 1));
  const mapping = parseYamlMapping(file, yaml, problems);
  if (!mapping) return undefined;
  const bodyStart = closing.end + 1;
  const firstText = findLine(source, bodyStart, closing.index + 1, (line) => line.trim() !== "");
  const bodyLine = (firstText?.index ?? closing.index + 1) + 1;
  const addKeyAt = { line: closing.index + 1 };
  return { ...mapping, addKeyAt, body: source.slice(bodyStart), bodyLine };
}

function lineEnd(source: string, start: number): number {
  const end = source.indexOf("\n", start);
  return end === -1 ? source.length : end;
}

/**
 * The first line from `start` (line `index`, counted from 0) that `test` accepts, reading one
 * line at a time: the front matter is a few lines at the top of a long body, which splitting
 * the whole text into lines cut up for nothing.
 */
function findLine(
  source: string,
  start: number,
  index: number,
  test: (line: string) => boolean,
): { index: number; start: number; end: number } | undefined {
  for (let at = start, i = index; at <= source.length; i++) {
    const end = lineEnd(source, at);
    if (test(source.slice(at, end))) return { index: i, start: at, end };
    at = end + 1;
  }
  return undefined;
}

const JUST_DASHES = "make the first line just --- (delete everything after it)";

/** What follows `---` on the first line: a language (refused, never run) or stray characters. */
function reportOpeningLine(file: string, rest: string, problems: Problems): void {
  const at = { line: 1, column: 4 };
  const language = rest.trim();
  if (/^ya?ml$/i.test(language)) {
    problems.error(file, "front-matter-fence",
      `the first line has "${language}" after ---${invisibleNote(rest)}`,
      `${JUST_DASHES}: front matter is always YAML`, at);
  } else if (/^[A-Za-z][\w+-]*$/.test(language)) {
    problems.error(file, "front-matter-language",
      `front matter is marked as "${language}"${invisibleNote(rest)}; ` +
        "only YAML is accepted, and it is never run as code",
      "make the first line just --- and write the keys in YAML", at);
  } else {
    problems.error(file, "front-matter-fence",
      `the first line has "${visible(rest)}" after ---${invisibleNote(rest)}`, JUST_DASHES, at);
  }
}

/** No closing fence; a line that nearly is one (`---` and a stray character) is pointed at. */
function reportUnclosed(file: string, lines: readonly string[], problems: Problems): void {
  const nearMiss = lines.findIndex((line, i) => i > 0 && line.startsWith("---"));
  if (nearMiss === -1) {
    problems.error(file, "front-matter-unclosed", "front matter is never closed",
      "add a line of just --- after the last front-matter key", { line: 1 });
    return;
  }
  const rest = lines[nearMiss]!.slice(3);
  const stray = `"${visible(rest)}" after ---${invisibleNote(rest)}`;
  problems.error(file, "front-matter-unclosed",
    `front matter is never closed: this line has ${stray}`,
    "make this line just --- (delete everything after it)", { line: nearMiss + 1, column: 4 });
}

/** Unicode spaces other than space and tab, and zero-width format characters. */
const INVISIBLE = /[^\P{White_Space} \t]|\p{Cf}/gu;

/** Such spaces cannot be seen in an editor or a terminal: name them by code point. */
function invisibleNote(text: string): string {
  const found = [...new Set(text.match(INVISIBLE) ?? [])].map(codePoint);
  if (found.length === 0) return "";
  return ` (${found.join(", ")}: ${found.length === 1 ? "a space" : "spaces"} you cannot see)`;
}

function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** YAML that must be a mapping of keys, with every key's place: front matter and site.yaml. */
export interface YamlMapping {
  /** The parsed YAML as plain data: unknown until a schema has checked it. */
  data: Record<string, unknown>;
  /** The line and column of a key (or of its value), for messages. */
  locate(path: KeyPath): Place;
  /** What `locate` reads: plain data, so that it can be kept without the parsed document. */
  places: PlaceList;
  /** Top-level keys with their places, in file order. */
  keys: { key: string; place: Place }[];
  /** Where a missing key would be added: front matter's closing `---`, a YAML file's top. */
  addKeyAt: Place;
}

export function parseYamlMapping(file: string, source: string, problems: Problems): YamlMapping | undefined {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: "core" });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const error of doc.errors) {
    const fix = YAML_FIXES[error.code] ??
      "fix the YAML: quote text that contains a colon, and indent list items evenly";
    const message = `YAML error: ${firstLine(error.message)}`;
    problems.error(file, "yaml-syntax", message, fix, at(error.pos[0]));
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
  const keys: YamlMapping["keys"] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = pair.key as Node & { value?: unknown };
      if (key?.range) keys.push({ key: String(key.value ?? key), place: at(key.range[0]) });
    }
  }
  const places = placeList(doc, lineCounter);
  return { data: data as Record<string, unknown>, locate: locator(places), places, keys, addKeyAt: { line: 1 } };
}

/** What to do about the YAML errors that the usual advice (quoting, indenting) does not fix. */
const YAML_FIXES: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: "keep one line for each key: delete the repeated one, or merge the two",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  MULTIPLE_DOCS: "remove the extra --- line: front matter is one block of key: value lines",
};

/** The message's first line, without the place it ends with: the problem gives its own. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

