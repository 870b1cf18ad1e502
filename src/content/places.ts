// Stage 2's map of where things are: the line and column of every node of a front matter's
// YAML, kept as plain data so that it outlives the parsed document (which is large, and was
// kept alive by every record's `locate`) and can be cached with the validated record.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { Place } from "./problems.ts";

export type KeyPath = readonly (string | number)[];

/** A scalar key as YAML read it; other keys (`? [a, b]`) cannot be reached by a key path. */
export type PlaceKey = string | number | boolean | null;

/**
 * A document's nodes in order, flat. A node is its line and column, then `0` for a scalar or
 * an alias; `1` and the number of entries for a mapping, each entry being its key, the key's
 * line and column, then the value's node; `2` and the number of items for a sequence, each
 * item a node. A lone `0` stands for a missing node. One array a file rather than one a node:
 * in the validate stage's cache of 11,000 files, nested arrays took twice as long to read
 * back from JSON, and more to check and collect.
 */
export type PlaceList = readonly PlaceKey[];

const MISSING = 0;
const SCALAR = 0;
const MAP = 1;
const SEQ = 2;

/** The places of a document's nodes: the root first, then its children. */
export function placeList(doc: Document, lineCounter: LineCounter): PlaceList {
  const list: PlaceKey[] = [];
  const at = (offset: number): void => {
    const { line, col } = lineCounter.linePos(offset);
    list.push(line, col);
  };
  const add = (node: unknown): void => {
    if (!isNode(node) || !node.range) {
      list.push(MISSING);
      return;
    }
    at(node.range[0]);
    if (isSeq(node)) {
      list.push(SEQ, node.items.length);
      for (const item of node.items) add(item);
    } else if (isMap(node)) {
      const entries = node.items
        .filter(({ key }) => isScalar(key) && key.range && isPlaceKey(key.value));
      list.push(MAP, entries.length);
      for (const { key, value } of entries) {
        const { value: name, range } = key as Node & { value: PlaceKey; range: [number] };
        list.push(name);
        at(range[0]);
        add(value);
      }
    } else {
      list.push(SCALAR);
    }
  };
  add(doc.contents);
  return list;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function isPlaceKey(value: unknown): value is PlaceKey {
  return typeof value === "string" || typeof value === "boolean" || value === null ||
    (typeof value === "number" && Number.isFinite(value));
}

/**
 * `locate` for a place list: the node at the path, as the yaml library's `getIn` finds it; for
 * a top-level key whose value has no node, the key itself; else the parent node; else line 1.
 */
export function locator(list: PlaceList): (path: KeyPath) => Place {
  return (path) => locate(list, path);
}

function locate(list: PlaceList, path: KeyPath): Place {
  const node = find(list, path);
  if (node !== undefined) return place(list, node);
  if (path.length === 1) {
    const key = topLevelKey(list, String(path[0]));
    return key === undefined ? { line: 1 } : place(list, key);
  }
  const parent = path.length > 1 ? find(list, path.slice(0, -1)) : undefined;
  return parent === undefined ? { line: 1 } : place(list, parent);
}

function place(list: PlaceList, at: number): Place {
  return { line: list[at] as number, column: list[at + 1] as number };
}

/** Walks the path as `Document.getIn` does: map keys match exactly, sequence indexes loosely. */
function find(list: PlaceList, path: KeyPath): number | undefined {
  let at = 0;
  for (const part of path) {
    if (list[at] === MISSING) return undefined;
    const kind = list[at + 2];
    const count = list[at + 3] as number;
    let child = at + 4;
    if (kind === MAP) {
      let entry = 0;
      for (; entry < count && list[child] !== part; entry++) child = skip(list, child + 3);
      if (entry === count) return undefined;
      at = child + 3;
    } else if (kind === SEQ) {
      const index = itemIndex(part);
      if (index === undefined || index >= count) return undefined;
      for (let item = 0; item < index; item++) child = skip(list, child);
      at = child;
    } else {
      return undefined;
    }
  }
  return list[at] === MISSING ? undefined : at;
}

/** Where the first top-level key that reads as `name` is, for a key whose value is missing. */
function topLevelKey(list: PlaceList, name: string): number | undefined {
  if (list[0] === MISSING || list[2] !== MAP) return undefined;
  let entry = 4;
  for (let i = 0; i < (list[3] as number); i++) {
    if (String(list[entry]) === name) return entry + 1;
    entry = skip(list, entry + 3);
  }
  return undefined;
}

/** Where the node after the one at `at` starts. */
function skip(list: PlaceList, at: number): number {
  if (list[at] === MISSING) return at + 1;
  const kind = list[at + 2];
  if (kind === SCALAR) return at + 3;
  let next = at + 4;
  for (let i = 0; i < (list[at + 3] as number); i++) {
    next = skip(list, kind === MAP ? next + 3 : next);
  }
  return next;
}

/** The yaml library's reading of a sequence index: a number, or a non-empty numeric string. */
function itemIndex(part: string | number): number | undefined {
  const index = typeof part === "string" && part ? Number(part) : part;
  return typeof index === "number" && Number.isInteger(index) && index >= 0 ? index : undefined;
}

/** Checks data read back from a cache: a place list, whole and nothing else. */
export function isPlaceList(value: unknown): value is PlaceList {
  return Array.isArray(value) && checkedNode(value, 0) === value.length;
}

/** Where the node at `at` ends if it is sound, else -1. */
function checkedNode(list: readonly unknown[], at: number): number {
  if (list[at] === MISSING) return at + 1;
  if (!isLineColumn(list, at)) return -1;
  const kind = list[at + 2];
  if (kind === SCALAR) return at + 3;
  const count = list[at + 3];
  const counted = Number.isSafeInteger(count) && (count as number) >= 0;
  if ((kind !== MAP && kind !== SEQ) || !counted) return -1;
  let next = at + 4;
  for (let i = 0; i < (count as number) && next !== -1; i++) {
    if (kind === MAP && !(isPlaceKey(list[next]) && isLineColumn(list, next + 1))) return -1;
    next = checkedNode(list, kind === MAP ? next + 3 : next);
  }
  return next;
}

function isLineColumn(list: readonly unknown[], at: number): boolean {
  const [line, column] = [list[at], list[at + 1]];
  return Number.isSafeInteger(line) && Number.isSafeInteger(column) &&
    (line as number) >= 1 && (column as number) >= 1;
}
