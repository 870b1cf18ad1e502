// Stage 3 for site.yaml's `language`: a BCP 47 tag, checked and made canonical by the
// JavaScript Intl API, for `<html lang>`, the feeds and Pagefind's index.

/**
 * Pagefind names its index files `<language>_<hash>` (so a tag with `/` wrote outside the site),
 * taking `language length + 8` characters of a SHA-1 digest that it writes in hex without
 * leading zeros (20 to 40 characters, usually 38 or 39), and panics when there are fewer:
 * always past 32 characters, about once in a hundred builds at 28. At 16, 17 of the digest's
 * 20 bytes would have to be below 0x10, and every language-script-region-variant tag a site
 * needs fits (`ca-ES-valencia`, `zh-Hant-TW`). Pagefind stems by the primary subtag alone.
 */
export const MAX_LANGUAGE_LENGTH = 16;

export function parseLanguageTag(written: string): { language: string } | { problem: string } {
  const problem = (why: string) => ({ problem: `"${written}" ${why}` });
  let canonical: string;
  try {
    // Throws a RangeError for anything that is not a well-formed BCP 47 tag.
    canonical = Intl.getCanonicalLocales(written)[0] ?? "";
  } catch {
    return problem("is not a language tag");
  }
  const { language, region, baseName } = new Intl.Locale(canonical);
  // Five to eight letters are well-formed but reserved, and nothing is registered there.
  if (language.length > 3) {
    return problem("is not a language code: language codes have two or three letters");
  }
  if (canonical.includes("-x-")) {
    return problem(`has private-use subtags (-x-…), which readers ignore; write ${baseName}`);
  }
  if (canonical !== baseName) {
    return problem(`has extension subtags (-u-…), which name no language; write ${baseName}`);
  }
  if (canonical.length > MAX_LANGUAGE_LENGTH) {
    const short = [language, region].filter(Boolean).join("-");
    return problem(`is longer than the search index takes (${MAX_LANGUAGE_LENGTH}); use ${short}`);
  }
  return { language: canonical };
}

/** Intl.Locale's text info: `getTextInfo()` in newer engines, a `textInfo` getter in Node 20. */
interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/**
 * Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu…), for `<html
 * dir>`: the style sheet's logical properties mirror the layout only when the page says so.
 */
export function isRightToLeft(language: string): boolean {
  const locale = new Intl.Locale(language) as Intl.Locale & TextInfoLocale;
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === "rtl";
}
