import { convertBody } from "./src/import/convert-body.ts";
const opts = { paragraphsAsBlankLines: true, shortcodes: { postId: "1", attachments: new Map([["7", { id: "7", url: "http://x/wp-content/uploads/a.jpg", title: "A", parentId: "1" }]]) } };
const html = `Para one
line two

<!--more-->
[caption id="attachment_1" align="alignnone" width="300"]<a href="http://x/a"><img src="http://x/wp-content/uploads/b.jpg" alt="B" /></a> A <em>caption</em>[/caption]

[gallery]

https://www.youtube.com/watch?v=abc

[youtube=https://www.youtube.com/watch?v=def]

[foo bar="1"]inner[/foo] and [sic]

<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">click</a> &lt;script&gt;
<iframe src="https://www.youtube.com/embed/XYZ"></iframe>
<ul><li>a<ul><li>b</li></ul></li></ul>
<table><tr><th>h</th></tr><tr><td>c</td></tr></table>
<pre><code>code &lt;x&gt;</code></pre>
<blockquote>quote</blockquote>
<img src="x" onerror="alert(1)">`;
const r = convertBody(html, opts);
console.log(r.markdown); console.log(r.problems);
const blocks = `<!-- wp:paragraph --><p>Hello</p><!-- /wp:paragraph --><!-- wp:image --><figure class="wp-block-image"><img src="a.jpg" alt="x"/><figcaption>Cap</figcaption></figure><!-- /wp:image --><!-- wp:embed {"url":"https://twitter.com/x/status/1"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://twitter.com/x/status/1
</div></figure><!-- /wp:embed -->`;
console.log(convertBody(blocks, { ...opts, paragraphsAsBlankLines: false }).markdown);
