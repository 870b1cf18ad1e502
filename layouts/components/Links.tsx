// External links of an entity or author (Wikipedia, Wikidata, a homepage).
export function Links({ links }: { links: readonly string[] }) {
  if (!links.length) return null;
  return (
    <ul class="external-links">
      {links.map((href) => (
        <li>
          <a href={href} rel="external noopener">
            {label(href)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Sites a reader knows by name, by the end of their host name. */
const SITES: [RegExp, string][] = [
  [/(^|\.)wikipedia\.org$/, "Wikipedia"],
  [/(^|\.)wikidata\.org$/, "Wikidata"],
  [/(^|\.)wikimedia\.org$/, "Wikimedia Commons"],
  [/(^|\.)(twitter|x)\.com$/, "X (Twitter)"],
  [/(^|\.)linkedin\.com$/, "LinkedIn"],
  [/(^|\.)facebook\.com$/, "Facebook"],
  [/(^|\.)instagram\.com$/, "Instagram"],
  [/(^|\.)youtube\.com$/, "YouTube"],
  [/(^|\.)github\.com$/, "GitHub"],
  [/(^|\.)openstreetmap\.org$/, "OpenStreetMap"],
  [/(^|\.)orcid\.org$/, "ORCID"],
];

/** The site's name where a reader knows it ("Wikipedia"), else its host name. */
export function label(href: string): string {
  try {
    const host = new URL(href).hostname.replace(/^www\./, "");
    return SITES.find(([pattern]) => pattern.test(host))?.[1] ?? host;
  } catch {
    return href;
  }
}
