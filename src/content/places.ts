// Stage 2's map of where things are: the line and column of every node of a front matter's
// YAML, kept as plain data so that it outlives the parsed document (which is large, and was
// kept alive by every record's `locate`) and can be cached with the validated record.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { Place } from "./problems.ts";

export type KeyPath = readonly (string | number)[];

/** A scalar key as YAML read it; other keys (`? [a, b]`) cannot be reached by a key path. */
export type PlaceKey = string | number | boolean | null;

/**
 * A node's line and column, then its children: a mapping's entries as key, the key's line and
 * column, and the value; a sequence's items in order. Null stands for a missing node.
 */
export type PlaceTree =
  | readonly [line: number, column: number]
  | readonly [line: number, column: number, "map", readonly PlaceEntry[]]
  | readonly [line: number, column: number, "seq", readonly (PlaceTree | null)[]];
export type PlaceEntry = readonly [key: PlaceKey, line: number, column: number, value: PlaceTree | null];

/** The places of a document's nodes; null for a document with no content. */
export function placeTree(doc: Document, lineCounter: LineCounter): PlaceTree | null {
  const at = (offset: number): [number, number] => {
    const { line, col } = lineCounter.linePos(offset);
    return [line, col];
  };
  const tree = (node: unknown): PlaceTree | null => {
    if (!isNode(node) || !node.range) return null;
    const [line, column] = at(node.range[0]);
    if (isSeq(node)) return [line, column, "seq", node.items.map(tree)];
    if (!isMap(node)) return [line, column];
    const entries: PlaceEntry[] = [];
    for (const { key, value } of node.items) {
      if (!isScalar(key) || !key.range || !isPlaceKey(key.value)) continue;
      entries.push([key.value, ...at(key.range[0]), tree(value)]);
    }
    return [line, column, "map", entries];
  };
  return tree(doc.contents);
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function isPlaceKey(value: unknown): value is PlaceKey {
  return typeof value === "string" || typeof value === "boolean" || value === null ||
    (typeof value === "number" && Number.isFinite(value));
}

/**
 * `locate` for a place tree: the node at the path, as the yaml library's `getIn` finds it; for
 * a top-level key whose value has no node, the key itself; else the parent node; else line 1.
 */
export function locator(root: PlaceTree | null): (path: KeyPath) => Place {
  return (path) => {
    const node = find(root, path);
    if (node) return place(node);
    if (path.length === 1) {
      const entry = entries(root)?.find(([key]) => String(key) === String(path[0]));
      if (entry) return { line: entry[1], column: entry[2] };
      return { line: 1 };
    }
    const parent = path.length > 1 ? find(root, path.slice(0, -1)) : undefined;
    return parent ? place(parent) : { line: 1 };
  };
}

function place(node: PlaceTree): Place {
  return { line: node[0], column: node[1] };
}

function entries(node: PlaceTree | null): readonly PlaceEntry[] | undefined {
  return node?.[2] === "map" ? node[3] : undefined;
}

/** Walks the path as `Document.getIn` does: map keys match exactly, sequence indexes loosely. */
function find(root: PlaceTree | null, path: KeyPath): PlaceTree | undefined {
  let node: PlaceTree | null | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    if (node[2] === "map") node = node[3].find(([key]) => key === part)?.[3];
    else if (node[2] === "seq") node = node[3][itemIndex(part) ?? -1];
    else return undefined;
  }
  return node ?? undefined;
}

/** The yaml library's reading of a sequence index: a number, or a non-empty numeric string. */
function itemIndex(part: string | number): number | undefined {
  const index = typeof part === "string" && part ? Number(part) : part;
  return typeof index === "number" && Number.isInteger(index) && index >= 0 ? index : undefined;
}

/** Checks data read back from a cache: a place tree of whole numbers, nothing else. */
export function isPlaceTree(value: unknown): value is PlaceTree {
  if (!Array.isArray(value) || !isLineColumn(value[0], value[1])) return false;
  if (value.length === 2) return true;
  if (value.length !== 4 || !Array.isArray(value[3])) return false;
  if (value[2] === "seq") return value[3].every((item) => item === null || isPlaceTree(item));
  return value[2] === "map" && value[3].every(isPlaceEntry);
}

function isPlaceEntry(value: unknown): boolean {
  return Array.isArray(value) && value.length === 4 && isPlaceKey(value[0]) &&
    isLineColumn(value[1], value[2]) && (value[3] === null || isPlaceTree(value[3]));
}

function isLineColumn(line: unknown, column: unknown): boolean {
  return Number.isSafeInteger(line) && Number.isSafeInteger(column) &&
    (line as number) >= 1 && (column as number) >= 1;
}
