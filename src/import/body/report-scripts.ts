// Rehype plugin for import: notes what the sanitizer after it will take out (scripts, event
// handlers, `javascript:` addresses, plug-ins), so that the report can say what was removed.
import type { Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";

const ACTIVE = new Set(["script", "object", "embed", "applet", "style", "form", "base", "meta"]);
const URL_ATTRIBUTES = ["href", "src", "action", "formAction", "data", "poster"];

export default function reportScripts() {
  return (tree: Root, file: VFile) => {
    const removed = new Set<string>();
    visit(tree, "element", (node) => {
      if (ACTIVE.has(node.tagName)) removed.add(`<${node.tagName}>`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[a-z]/i.test(name)) removed.add("event handlers (on…)");
        if (!URL_ATTRIBUTES.includes(name) || typeof value !== "string") continue;
        // Browsers ignore spaces and control characters inside a scheme: `java\tscript:`.
        const squeezed = value.replace(/[\s\u0000-\u001f]/g, "");
        const scheme = /^(javascript|vbscript|data):/i.exec(squeezed);
        if (scheme) removed.add(`${scheme[1]!.toLowerCase()}: addresses`);
      }
    });
    if (removed.size > 0) {
      file.message(`removed what could run script: ${[...removed].sort().join(", ")}`);
    }
  };
}
