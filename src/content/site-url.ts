// Stage 3 for site.yaml's `url`: the public address every absolute URL (feeds, sitemap,
// canonical links, JSON-LD) is built from, read with the WHATWG URL API and stored as it writes it.

/**
 * A site is served from the root of its host: every link on its pages is root-relative
 * (`/assets/site.css`, `/2020/08/12/story/`), so an address with a path such as
 * `https://example.org/news/` would give feeds and canonical links that the pages contradict.
 */
export function parseSiteUrl(written: string): { url: string } | { problem: string } {
  const problem = (why: string) => ({ problem: `"${written}" ${why}` });
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return problem("is not a valid web address: check the https://, the host name and the port");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return problem("must start with https:// or http://");
  }
  if (url.username || url.password) {
    return problem("has a user name or password, which every feed would publish");
  }
  // The URL API writes `?` and `#` only when the address has a query or fragment, even empty.
  if (url.href.includes("?")) return problem("has a query (?…), which no site address has");
  if (url.href.includes("#")) return problem("has a fragment (#…), which no site address has");
  if (url.pathname !== "/") {
    return problem(`has a path (${url.pathname}); a site is served from the root: ${url.origin}`);
  }
  if (!isHostName(url.hostname)) return problem(`has a host name with a character no host has`);
  return { url: url.href };
}

/**
 * The URL API lets `"`, `'`, `<`… through in a host (`https://a"b.org/` parses), and such a
 * host would break out of an attribute wherever the address is written. A host is an IPv6
 * address in brackets, or dot-separated labels of letters, digits and hyphens (IPv4 and
 * international names included: the URL API has already written those in ASCII).
 */
function isHostName(host: string): boolean {
  return /^\[[0-9a-f:.]+\]$/.test(host) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(host);
}
