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

function label(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, "");
  } catch {
    return href;
  }
}
