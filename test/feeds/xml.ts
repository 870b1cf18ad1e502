// A strict XML reader for the feed tests: saxes checks well-formedness as XML 1.0 defines it
// (characters, `]]>` in text, `<` and `&` in attributes), which fast-xml-parser's validator
// does not, and gives back a small tree to read values from.
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, as a reader gets it. */
  text: string;
}

/** Parses a whole document; throws with every well-formedness error. */
export function parseStrictXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const document: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const open = [document];
  const errors: string[] = [];
  parser.on("error", (error) => void errors.push(error.message));
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes } as Record<string, string>,
      children: [],
      text: "",
    };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on("closetag", () => void open.pop());
  parser.on("text", (text) => void (open.at(-1)!.text += text));
  parser.on("cdata", (text) => void (open.at(-1)!.text += text));
  parser.write(xml).close();
  if (errors.length) throw new Error(`not well-formed XML:\n${errors.join("\n")}`);
  const root = document.children[0];
  if (!root) throw new Error("no root element");
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name)[0];
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

/**
 * An element's text as a feed reader shows it. feedsmith pretty-prints, which puts a line
 * break and indentation around a CDATA section; readers trim that, and so do we.
 */
export function textOf(element: XmlElement, name: string): string {
  return childNamed(element, name).text.trim();
}
