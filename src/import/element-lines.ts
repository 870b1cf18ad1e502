// Import: where each post starts in the source file, so that the report can point at it.

/**
 * The line of each `<element>` in document order. Matches inside CDATA (a post quoting a
 * feed) and comments are not elements, so those sections are skipped over. Hand-written
 * because the XML parsers that build trees (fast-xml-parser, feedsmith) keep no positions.
 */
export function elementLines(xml: string, element: string): number[] {
  const lines: number[] = [];
  const skipped = String.raw`<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->`;
  const pattern = new RegExp(`${skipped}|<${element}[\\s>]`, "g");
  let line = 1;
  let from = 0;
  for (const match of xml.matchAll(pattern)) {
    line += countNewlines(xml, from, match.index);
    from = match.index;
    if (match[0].startsWith(`<${element}`)) lines.push(line);
  }
  return lines;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) {
    count++;
  }
  return count;
}
