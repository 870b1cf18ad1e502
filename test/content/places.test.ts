// Where keys are: the place list kept with every record answers as the parsed YAML document
// did, for every key path, present or not, and survives a trip through JSON.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import { isPlaceList, type KeyPath, locator, placeList } from "../../src/content/places.ts";
import type { Place } from "../../src/content/problems.ts";

/** How front matter was located before the place list: by asking the parsed document. */
function documentLocator(source: string): (path: KeyPath) => Place {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, schema: "core" });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path) => {
    const node = doc.getIn(path, true) as Node | undefined;
    if (node?.range) return at(node.range[0]);
    const keyText = (item: { key: unknown }) => String((item.key as { value?: unknown })?.value);
    const pair = path.length === 1 && isMap(doc.contents)
      ? doc.contents.items.find((item) => keyText(item) === String(path[0]))
      : undefined;
    const key = pair?.key as Node | undefined;
    if (key?.range) return at(key.range[0]);
    const parent = path.length > 1
      ? (doc.getIn(path.slice(0, -1), true) as Node | undefined)
      : undefined;
    return parent?.range ? at(parent.range[0]) : { line: 1 };
  };
}

function listLocator(source: string): (path: KeyPath) => Place {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, schema: "core" });
  const list = JSON.parse(JSON.stringify(placeList(doc, lineCounter))) as unknown;
  assert.ok(isPlaceList(list), `a place list after JSON: ${JSON.stringify(list)}`);
  return locator(list);
}

const DOCUMENTS = [
  "",
  "\ntitle: Hello\ndate: 2020-08-12\n",
  "\ntitle: Hello\nentities:\n  - FBI\n  - { name: Menlo Park, type: place }\n  -\n  - [a, b]\n",
  "\nauthor: [Ana, Li]\nsummary:\ntags:\n",
  "\nimage:\n  src: /a.png\n  alt:\n  caption: \"Two\n    lines\"\n",
  "\n1: number key\ntrue: boolean key\nnull: null key\n2.5: float\n\"3\": string three\n",
  "\nbase: &base { a: 1 }\nlinked: *base\nlist: [*base, x]\n",
  "\n? [complex, key]\n: value\nafter: 1\n",
  "\nnested:\n  deeper:\n    - - one\n      - two\n    - three: 3\n",
  "\n{ flow: map, other: [1, 2] }\n",
  "\njust a scalar\n",
  "\n- a\n- b\n",
];

/** Every path into the document, the same with numbers written as text, and some absent. */
function pathsOf(value: unknown, base: KeyPath = []): KeyPath[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value !== null && typeof value === "object" ? Object.entries(value) : [];
  const paths: KeyPath[] = [[...base, "absent"], [...base, 99], [...base, -1], [...base, ""]];
  for (const [key, child] of children) {
    paths.push([...base, key], [...base, String(key)], ...pathsOf(child, [...base, key]));
    if (typeof key === "string" && /^\d+(\.\d+)?$/.test(key)) paths.push([...base, Number(key)]);
  }
  return paths;
}

for (const source of DOCUMENTS) {
  test(`the place list locates as the document did: ${JSON.stringify(source.slice(1, 40))}`, () => {
    const expected = documentLocator(source);
    const actual = listLocator(source);
    const data = parseDocument(source, { schema: "core" }).toJS() as unknown;
    const paths = [[], ...pathsOf(data), ["title"], ["entities", 1, "type"], ["a", "b", "c"]];
    for (const path of paths) assert.deepEqual(actual(path), expected(path), JSON.stringify(path));
  });
}

test("a damaged place list is not one", () => {
  const damaged: unknown[] = [
    [], [1], [0, 0], [1, 1], [1, 1.5, 0], ["1", 1, 0], [1, 1, 0, 0], [1, 1, 1], [1, 1, 1, 1],
    [1, 1, 1, 1, "a", 1, 1], [1, 1, 1, 1, {}, 1, 1, 0], [1, 1, 2, 2, 0], [1, 1, 3, 0],
    [1, 1, 2, -1], [1, 1, 1, 1, "a", 0, 1, 0], {}, "0",
  ];
  for (const value of damaged) assert.equal(isPlaceList(value), false, JSON.stringify(value));
  const sound = [[0], [2, 8, 0], [2, 8, 2, 2, 0, 2, 9, 0], [1, 1, 1, 2, "a", 1, 1, 0, 7, 2, 1, 0]];
  for (const value of sound) assert.equal(isPlaceList(value), true, JSON.stringify(value));
});
