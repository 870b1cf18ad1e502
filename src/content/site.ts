// Stage 3 for `site.yaml`: the archive's settings, validated like front matter, with defaults
// that let an archive without the file build.
import { parseYamlMapping } from "./front-matter.ts";
import type { LoadedContent } from "./load.ts";
import type { Problems } from "./problems.ts";
import { KNOWN_KEYS, SiteConfig } from "./schema.ts";
import { validateFields } from "./validate.ts";

export function readSiteConfig(site: LoadedContent["siteYaml"], problems: Problems): SiteConfig {
  const defaults = SiteConfig.parse({});
  if (!site) return defaults;
  const yaml = parseYamlMapping(site.path, site.text, problems);
  return (yaml && validateFields(SiteConfig, KNOWN_KEYS.site, site.path, yaml, problems)) ?? defaults;
}
