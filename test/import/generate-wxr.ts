// A WordPress export of a few hundred posts, written as WordPress writes one (WXR 1.2), for the
// import's scale test: hostile and awkward titles, shortcodes and block markup, every status,
// many categories and tags, co-authors, three permalink styles, pages, attachments and menus.
// Deterministic: the same count gives the same bytes.

export interface GeneratedPost {
  id: number;
  title: string;
  /** Published (`publish` and no password): the posts that must reach the site. */
  published: boolean;
  /** The post's address on the old site. */
  link: string;
  /** A word found in this post's body alone, to find it (or not) on the site. */
  marker: string;
}

export interface GeneratedExport {
  xml: string;
  posts: GeneratedPost[];
  /** Pages, attachments and menu items, by the name the report gives them. */
  others: { pages: number; attachments: number; menuItems: number };
  /** Each described term's slug and the marker its description holds. */
  described: Map<string, string>;
}

const HOST = "https://old-gazette.example";
const USERS = [
  { login: "ana", name: "Ana Ruiz", bio: "Ana covers the <b>city council</b> &amp; schools." },
  { login: "li", name: "Li Wei", bio: "" },
  { login: "sam", name: "Sam O'Connor", bio: "Sam writes about \"transport\"." },
  { login: "noor", name: "Noor Al-Hassan", bio: "" },
  { login: "editor", name: "", bio: "" },
];
const CATEGORIES = ["uncategorized", "news", "politics", "business", "sport", "culture",
  "harbour-news", "schools", "weather", "opinion", "obituaries", "science"];
const TAGS = Array.from({ length: 40 }, (_, n) => `tag-${n}`);
const STATUSES: [number, number, string][] = [
  // [every, remainder, status]: the first that matches wins.
  [10, 3, "draft"], [25, 7, "future"], [40, 9, "private"], [60, 13, "pending"],
];

/** Awkward titles, as WordPress escapes them in `<title>` (text, so `&lt;` for `<`). */
const TITLES = [
  (n: number) => `Council votes on budget, part ${n}`,
  (n: number) => `Q&amp;A: &quot;What&#8217;s next?&quot; #${n}`,
  (n: number) => `&lt;script&gt;alert(${n})&lt;/script&gt;Harbour report ${n}`,
  (n: number) => `&lt;em&gt;Breaking&lt;/em&gt;: storm &amp;amp; floods ${n}`,
  (n: number) => `Ünïcödé café ☕ and 🚀 launch ${n}`,
  (n: number) => `Title with [caption] and [sic] brackets ${n}`,
  (n: number) => `${"A very long headline that goes on ".repeat(4)}${n}`,
  (n: number) => `&lt;img src=x onerror=alert(${n})&gt; Market day`,
];

export function generateWxr(count: number): GeneratedExport {
  const posts: GeneratedPost[] = [];
  const items: string[] = [];
  for (let n = 1; n <= count; n++) {
    const post = postItem(n);
    posts.push(post.post);
    items.push(post.xml);
  }
  items.push(itemXml({ id: 100_001, title: "Trashed", status: "trash", date: dates(1) }));
  items.push(itemXml({ id: 100_002, title: "", status: "auto-draft", date: dates(2) }));
  const pages = [1, 2, 3].map((n) => itemXml({ id: 200_000 + n, title: `Page ${n}`,
    type: "page", date: dates(n), body: "<p>About us.</p>" }));
  const attachments = [1, 2, 3, 4].map((n) => itemXml({ id: 300_000 + n, title: `Photo ${n}`,
    type: "attachment", status: "inherit", date: dates(n), parent: 4,
    extra: `<wp:attachment_url>${HOST}/wp-content/uploads/2015/01/photo-${n}.jpg` +
      "</wp:attachment_url>" }));
  const menus = [1, 2].map((n) => itemXml({ id: 400_000 + n, title: "", type: "nav_menu_item",
    date: dates(n) }));
  const described = new Map<string, string>();
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
    ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
    "<channel>",
    `<title>Old Gazette</title><link>${HOST}</link><wp:wxr_version>1.2</wp:wxr_version>`,
    ...USERS.map((user) => "<wp:author>" +
      `<wp:author_login><![CDATA[${user.login}]]></wp:author_login>` +
      `<wp:author_display_name><![CDATA[${user.name}]]></wp:author_display_name>` +
      `<wp:author_description><![CDATA[${user.bio}]]></wp:author_description></wp:author>`),
    ...termList(described),
    ...items, ...pages, ...attachments, ...menus,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
  return { xml, posts, others: { pages: 3, attachments: 4, menuItems: 2 }, described };
}

/**
 * The export's term list: every category described, and every fourth tag; a third of the
 * descriptions hostile. Each description holds a marker, recorded in `described`.
 */
function termList(described: Map<string, string>): string[] {
  const description = (slug: string, i: number) => {
    const marker = `termdesc${slug.replace(/-/g, "")}x`;
    described.set(slug, marker);
    return i % 3 === 0
      ? `<p>About <strong>${marker}</strong>.</p><script>alert(${i})</script>` +
        `<a href="javascript:steal()" onmouseover="steal()">more</a>`
      : `The ${marker} desk.\n\nSecond line, with <em>emphasis</em>.`;
  };
  const name = (slug: string) => slug.replace("-", " ");
  return [
    ...CATEGORIES.map((slug, i) => "<wp:category>" +
      `<wp:category_nicename><![CDATA[${slug}]]></wp:category_nicename>` +
      `<wp:cat_name><![CDATA[${name(slug)}]]></wp:cat_name><wp:category_description>` +
      `<![CDATA[${description(slug, i)}]]></wp:category_description></wp:category>`),
    ...TAGS.filter((_, i) => i % 4 === 0).map((slug, i) => "<wp:tag>" +
      `<wp:tag_slug><![CDATA[${slug}]]></wp:tag_slug><wp:tag_name><![CDATA[${name(slug)}]]>` +
      `</wp:tag_name><wp:tag_description><![CDATA[${description(slug, i + 1)}]]>` +
      "</wp:tag_description></wp:tag>"),
  ];
}

function postItem(n: number): { post: GeneratedPost; xml: string } {
  const status = STATUSES.find(([every, rest]) => n % every === rest)?.[2] ?? "publish";
  const password = n % 45 === 11 ? "secret" : "";
  const published = status === "publish" && !password;
  const date = dates(n);
  // Drafts often have no slug yet; two posts a month share a title, and so a slug.
  const title = n % 97 === 5 ? "" : TITLES[n % TITLES.length]!(n % 30 === 0 ? n - 1 : n);
  const slug = status === "draft" ? "" : `story-${n % 30 === 0 ? n - 1 : n}`;
  const [y, m, d] = date.local.slice(0, 10).split("-");
  // Two posts had addresses Dateline publishes itself (its search page, its authors' index).
  const link = n === 8 ? `${HOST}/search/` : n === 16 ? `${HOST}/authors`
    : n % 50 === 0 ? `${HOST}/?p=${n}`
    : n % 3 === 0 ? `${HOST}/${y}/${m}/${d}/${slug || `draft-${n}`}/`
    : n % 3 === 1 ? `${HOST}/archives/${n}`
    : `${HOST}/news/${y}/${slug || `draft-${n}`}.html`;
  const marker = `marker${n}x${published ? "pub" : "unpub"}`;
  const terms = [
    `<category domain="category" nicename="${CATEGORIES[n % CATEGORIES.length]}">` +
      `<![CDATA[${CATEGORIES[n % CATEGORIES.length]!.replace("-", " ")}]]></category>`,
    ...Array.from({ length: n % 5 }, (_, k) => TAGS[(n * 7 + k * 3) % TAGS.length]!)
      .filter((tag, index, all) => all.indexOf(tag) === index)
      .map((tag) => `<category domain="post_tag" nicename="${tag}"><![CDATA[${tag.replace("-",
        " ")}]]></category>`),
    ...(n % 11 === 0 ? ['<category domain="author" nicename="cap-li"><![CDATA[Li Wei]]>' +
      "</category>"] : []),
  ];
  const xml = itemXml({ id: n, title, status, date, slug, link, password, terms,
    author: USERS[n % USERS.length]!.login, body: body(n, marker),
    excerpt: n % 4 === 0 ? `Summary of <em>story</em> ${n} &amp; more.` : "" });
  return { post: { id: n, title, published, link, marker }, xml };
}

/** A body of the kinds WordPress holds: classic paragraphs, blocks, shortcodes, hostile HTML. */
function body(n: number, marker: string): string {
  const kinds = [
    `First paragraph ${marker}.\n\nSecond paragraph, with <a href="${HOST}/archives/1">a link` +
      "</a>.\n\n<ul>\n<li>one\n<ul><li>nested</li></ul></li>\n<li>two</li>\n</ul>",
    `<!-- wp:paragraph -->\n<p>Block paragraph ${marker}.</p>\n<!-- /wp:paragraph -->\n` +
      "<!-- wp:quote --><blockquote><p>A quote.</p></blockquote><!-- /wp:quote -->",
    `Before ${marker}.<script>alert("x")</script>\n\n<img src="x" onerror="alert(1)" ` +
      'alt="broken"> <a href="javascript:alert(2)">click</a><iframe src="https://evil.example">' +
      "</iframe>",
    `[caption id="attachment_300001" width="300"]<img src="${HOST}/wp-content/uploads/2015/01/` +
      `photo-1.jpg" alt="Photo"> A caption[/caption]\n\nText ${marker} [sic] continues.`,
    `[gallery ids="300001,300002"]\n\n[contact-form-7 id="1" title="Tips"]\n\nWords ${marker}.`,
    `[embed]https://www.youtube.com/watch?v=abc${n}[/embed]\n\n<table><tr><th>A</th><th>B` +
      `</th></tr><tr><td>1</td><td>${marker}</td></tr></table>`,
  ];
  return kinds[n % kinds.length]!;
}

interface ItemFields {
  id: number;
  title: string;
  date: { local: string; gmt: string };
  status?: string;
  type?: string;
  slug?: string;
  link?: string;
  password?: string;
  terms?: string[];
  author?: string;
  body?: string;
  excerpt?: string;
  parent?: number;
  extra?: string;
}

function itemXml(item: ItemFields): string {
  const status = item.status ?? "publish";
  const gmt = status === "draft" ? "0000-00-00 00:00:00" : item.date.gmt;
  return [
    "<item>",
    `<title>${item.title}</title>`,
    `<link>${item.link ?? `${HOST}/?p=${item.id}`}</link>`,
    `<dc:creator><![CDATA[${item.author ?? "ana"}]]></dc:creator>`,
    `<guid isPermaLink="false">${HOST}/?p=${item.id}</guid>`,
    `<content:encoded><![CDATA[${item.body ?? ""}]]></content:encoded>`,
    `<excerpt:encoded><![CDATA[${item.excerpt ?? ""}]]></excerpt:encoded>`,
    `<wp:post_id>${item.id}</wp:post_id>`,
    `<wp:post_date><![CDATA[${item.date.local}]]></wp:post_date>`,
    `<wp:post_date_gmt><![CDATA[${gmt}]]></wp:post_date_gmt>`,
    `<wp:post_modified><![CDATA[${item.date.local}]]></wp:post_modified>`,
    `<wp:post_modified_gmt><![CDATA[${gmt}]]></wp:post_modified_gmt>`,
    `<wp:post_name><![CDATA[${item.slug ?? ""}]]></wp:post_name>`,
    `<wp:status><![CDATA[${status}]]></wp:status>`,
    `<wp:post_parent>${item.parent ?? 0}</wp:post_parent>`,
    `<wp:post_type><![CDATA[${item.type ?? "post"}]]></wp:post_type>`,
    `<wp:post_password><![CDATA[${item.password ?? ""}]]></wp:post_password>`,
    ...(item.terms ?? []),
    item.extra ?? "",
    "</item>",
  ].join("\n");
}

/** Post n's local time (New York, -05:00 all year here) and its UTC copy, a week apart each. */
function dates(n: number): { local: string; gmt: string } {
  const local = Date.UTC(2015, 0, 5, 9, 30) + n * 6 * 86_400_000 + (n % 12) * 3_600_000;
  const format = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  return { local: format(local), gmt: format(local + 5 * 3_600_000) };
}
