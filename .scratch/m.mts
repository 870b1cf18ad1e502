import { renderMarkdown } from '../src/markdown/render.ts'
console.log(renderMarkdown('# Hello World\n\nHi[^1] <script>alert(1)</script> <em onclick="x()">em</em> [x](javascript:alert(1)) <a href="#sec">s</a> <div id="sec">z</div>\n\n```js\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: note'))
