// Stage 3 for `site.yaml`: the archive's settings, validated like front matter, with defaults
// that let an archive without the file build.
import { isMap, LineCounter, parseDocument, type Node } from "yaml";
import type { LoadedContent } from "./load.ts";
import type { Problems } from "./problems.ts";
import { SiteConfig } from "./schema.ts";
import { validateWith } from "./validate.ts";

export function readSiteConfig(site: LoadedContent["siteYaml"], problems: Problems): SiteConfig {
  const defaults = SiteConfig.parse({});
  if (!site) return defaults;
  const lineCounter = new LineCounter();
  const doc = parseDocument(site.text, { lineCounter, prettyErrors: true, schema: "core" });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const error of doc.errors) problems.error(site.path, "yaml-syntax", `YAML error: ${error.message.split("\n")[0]}`, "fix the YAML syntax of site.yaml", at(error.pos[0]));
  if (doc.errors.length) return defaults;
  const data: unknown = doc.toJS() ?? {};
  const keys = isMap(doc.contents) ? doc.contents.items.flatMap((pair) => {
    const key = pair.key as Node & { value?: unknown };
    return key?.range ? [{ key: String(key.value), place: at(key.range[0]) }] : [];
  }) : [];
  const file = { kind: "article" as const, path: site.path, relativePath: "site.yaml", text: site.text };
  const locate = (path: readonly (string | number)[]) => {
    const node = doc.getIn(path, true) as Node | undefined;
    return node?.range ? at(node.range[0]) : { line: 1 };
  };
  const frontMatter = { data: (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>, body: "", bodyLine: 1, locate, keys };
  return validateWith(SiteConfig, Object.keys(SiteConfig.shape), file, frontMatter, problems)?.fields ?? defaults;
}
