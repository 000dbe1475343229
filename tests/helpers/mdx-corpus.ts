/**
 * A corpus of tricky MDX bodies with the content guard's verdict written out for each, shared by the guard's
 * corpus test (tests/unit/mdx-guard-corpus.test.ts) and the test of the CMS's WebAssembly parse
 * (tests/unit/satteri-wasm.test.ts).
 */
/** [what, body, expected problems as "code@line:column" in text order; [] = accepted]. */
export const corpus: [string, string, string[]][] = [
  // GFM footnotes: the hole that ran code at build time.
  [
    'footnote holding an expression',
    "Text[^1].\n\n[^1]: {process.getBuiltinModule('fs').writeFileSync('p','x')}\n",
    ['expression@3:7'],
  ],
  [
    'expression in a footnote continuation paragraph',
    'Text[^a].\n\n[^a]: First paragraph.\n\n    Continuation {1 + 1}.\n',
    ['expression@5:18'],
  ],
  [
    'footnote with a clean continuation paragraph',
    'Text[^a].\n\n[^a]: First.\n\n    Second with [a link](https://www.example.org).\n',
    [],
  ],
  ['javascript: link in a footnote', 'Text[^a].\n\n[^a]: See [x](javascript:alert(1)).\n', ['unsafe-url@3:11']],
  // Tables.
  ['expression in a table cell', '| a | b |\n| --- | --- |\n| {x} | y |\n', ['expression@3:3']],
  ['plain table with alignment', '| Gemeente | Groepen |\n| :-- | --: |\n| Gouda | 3 |\n', []],
  ['component in a table cell', '| a |\n| --- |\n| <MaterialLink id="handout" /> |\n', []],
  ['unknown component in a table cell', '| a |\n| --- |\n| <Map /> |\n', ['unknown-component@3:3']],
  // Task lists, strikethrough, autolinks.
  ['task list', '- [x] gedaan\n- [ ] nog doen\n', []],
  ['strikethrough', '~~oud~~ nieuw\n', []],
  ['autolink literals (www, e-mail)', 'Zie www.example.org of info@example.org.\n', []],
  ['a javascript: literal is not autolinked', 'javascript:alert(1) blijft tekst\n', []],
  // Nested containers.
  ['code in a list in quotes', '> - een\n>   > 1. twee\n>   >    ```\n>   >    code {x}\n>   >    ```\n', []],
  ['expression in a list in a quote', '> - een {x}\n', ['expression@1:9']],
  ['Steps around a list', '<Steps>\n\n1. Een\n2. Twee\n\n</Steps>\n', []],
  [
    'Callout holding a link with a data: address',
    '<Callout>\n\n[x](data:text/html,x)\n\n</Callout>\n',
    ['unsafe-url@3:1'],
  ],
  // javascript: in all spellings, entity tricks.
  ['javascript: link', '[x](javascript:alert(1))\n', ['unsafe-url@1:1']],
  ['JAVASCRIPT: in capitals', '[x](JAVASCRIPT:alert(1))\n', ['unsafe-url@1:1']],
  ['JaVa&#x09;ScRiPt: with a tab entity', '[x](JaVa&#x09;ScRiPt:alert(1))\n', ['unsafe-url@1:1']],
  ['javascript&#58; (colon as entity)', '[x](javascript&#58;alert(1))\n', ['unsafe-url@1:1']],
  ['javascript&colon; (named entity)', '[x](javascript&colon;alert(1))\n', ['unsafe-url@1:1']],
  ['&#106;avascript: (letter as entity)', '[x](&#106;avascript:alert(1))\n', ['unsafe-url@1:1']],
  ['java%73cript: (percent-encoded, a relative address)', '[x](java%73cript:alert(1))\n', ['unsafe-url@1:1']],
  ['vbscript:', '[x](vbscript:msgbox(1))\n', ['unsafe-url@1:1']],
  ['data:', '[x](data:text/html;base64,PHNjcmlwdD4=)\n', ['unsafe-url@1:1']],
  ['protocol-relative //host', '[x](//evil.example/)\n', ['unsafe-url@1:1']],
  ['backslash host', '[x](/\\evil.example)\n', ['unsafe-url@1:1']],
  ['relative address', '[x](pagina/)\n', ['unsafe-url@1:1']],
  [
    'safe addresses',
    '[a](https://www.example.org) [b](/praktijken/) [c](#kop) [d](mailto:a@example.org) [e](tel:+31201234567)\n',
    [],
  ],
  // Reference definitions.
  ['definition with javascript:', '[x][r]\n\n[r]: javascript:alert(1)\n', ['unsafe-url@3:1']],
  ['unused definition with data:', '[r]: data:text/html,x\n', ['unsafe-url@1:1']],
  ['safe definition', '[x][r]\n\n[r]: https://www.example.org "Titel"\n', []],
  // Images.
  ['third-party image', '![p](https://tracker.example/p.png)\n', ['unsafe-url@1:1']],
  ['image on this site', '![Foto van de groep](/uploads/groep.jpg)\n', []],
  ['image by reference', '![p][img]\n\n[img]: /uploads/a.png\n', ['image-reference@1:1']],
  ['data: image', '![p](data:image/png;base64,AAAA)\n', ['unsafe-url@1:1']],
  ['image path with a broken %-escape', 'Tekst ![p](/uploads/a%E0%A4%A.png)\n', ['unsafe-url@1:7']],
  // HTML, comments, code.
  ['HTML comment (not MDX)', '<!-- opmerking -->\n', ['unreadable@1:1']],
  ['MDX comment is an expression', '{/* opmerking */}\n', ['expression@1:1']],
  ['raw HTML element', '<div>hi</div>\n', ['html-tag@1:1']],
  ['img with onerror', '<img src="x" onerror="alert(1)" />\n', ['html-tag@1:1']],
  ['script', '<script>alert(1)</script>\n', ['html-tag@1:1']],
  ['escaped braces', 'Tekst met \\{geen code\\}.\n', []],
  ['braces in a code block', '```js\nconst a = {b: 1}\n```\n', []],
  ['braces and tags in inline code', 'Gebruik `{x}` en `<div>`.\n', []],
  // ESM and expressions.
  ['import', 'import X from "./x.js"\n\nText\n', ['esm@1:1']],
  ['export', 'export const meta = 1\n', ['esm@1:1']],
  ['text expression', 'Het is {new Date().getFullYear()}.\n', ['expression@1:8']],
  // Components and attributes.
  ['fragment', '<>x</>\n', ['fragment@1:1']],
  ['member element', '<Callout.Inner>x</Callout.Inner>\n', ['unknown-component@1:1']],
  ['spread attribute', '<Callout {...props}>x</Callout>\n', ['expression-attribute@1:10']],
  ['expression value', '<Callout title={titel}>x</Callout>\n', ['expression-value@1:10']],
  ['event handler attribute', '<Callout onClick="alert(1)">x</Callout>\n', ['unknown-attribute@1:10']],
  ['attributes on several lines', '<Callout\n  type="tip"\n  title="Een tip"\n>\nTekst.\n</Callout>\n', []],
  [
    'Quote url javascript:',
    '<Quote source="Iemand" url="javascript:alert(1)">Citaat</Quote>\n',
    ['invalid-attribute@1:24'],
  ],
  [
    'Quote url with a tab entity',
    '<Quote source="Iemand" url="java&#x09;script:alert(1)">Citaat</Quote>\n',
    ['invalid-attribute@1:24'],
  ],
  ['Figure src on another site', '<Figure src="https://tracker.example/p.png" alt="p" />\n', ['invalid-attribute@1:9']],
  ['Figure on this site', '<Figure src="/uploads/a.png" alt="Een foto" caption="Onderschrift" />\n', []],
  ['Figure without alt', '<Figure src="/uploads/a.png" />\n', ['missing-attribute@1:1']],
  [
    'VideoEmbed on a foreign host',
    '<VideoEmbed url="https://evil.example/v" title="t" transcript="t" />\n',
    ['invalid-attribute@1:13'],
  ],
  [
    'VideoEmbed over http',
    '<VideoEmbed url="http://www.youtube.com/watch?v=abc" title="t" transcript="t" />\n',
    ['invalid-attribute@1:13'],
  ],
  [
    'VideoEmbed on YouTube',
    '<VideoEmbed url="https://www.youtube.com/watch?v=abc" title="Uitleg" transcript="Tekst." />\n',
    [],
  ],
  ['MaterialLink id that is no slug', '<MaterialLink id="../etc/passwd" />\n', ['invalid-attribute@1:15']],
  ['Callout type not allowed', '<Callout type="danger">x</Callout>\n', ['value-not-allowed@1:10']],
  ['ordinary Markdown', '## Kop\n\n*schuin* **vet** en een regel  \nmet harde breuk\n\n---\n', []],
];
