/**
 * The content guard on a corpus of tricky MDX bodies, each with its verdict written out: the rule
 * (code) and line:column of every problem, or none. Each body is judged three ways that must agree:
 * the content check (Sätteri's parse + the rules), the build (the guard plugin inside Sätteri's own
 * compilation, with Astro's options) and the CMS editor (admin/mdx/guard.ts, same rules, Dutch).
 */
import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { guardMdx } from '../../src/lib/mdx-guard/parse.ts';
import { ContentGuardError, contentGuard } from '../../src/lib/mdx-guard/plugin.ts';
import { MDX_FEATURES } from '../../src/lib/mdx-guard/features.ts';
import { MAX_BODY_CHARACTERS } from '../../src/lib/mdx-guard/rules.ts';
import { checkMdx } from '../../admin/mdx/guard.ts';

const astroOptions = { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;

/** [what, body, expected problems as "code@line:column" in text order; [] = accepted]. */
const corpus: [string, string, string[]][] = [
  // GFM footnotes: the hole that ran code at build time.
  ['footnote holding an expression', "Text[^1].\n\n[^1]: {process.getBuiltinModule('fs').writeFileSync('p','x')}\n", ['expression@3:7']],
  ['expression in a footnote continuation paragraph', 'Text[^a].\n\n[^a]: First paragraph.\n\n    Continuation {1 + 1}.\n', ['expression@5:18']],
  ['footnote with a clean continuation paragraph', 'Text[^a].\n\n[^a]: First.\n\n    Second with [a link](https://www.example.org).\n', []],
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
  ['Callout holding a link with a data: address', '<Callout>\n\n[x](data:text/html,x)\n\n</Callout>\n', ['unsafe-url@3:1']],
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
  ['safe addresses', '[a](https://www.example.org) [b](/praktijken/) [c](#kop) [d](mailto:a@example.org) [e](tel:+31201234567)\n', []],
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
  ['Quote url javascript:', '<Quote source="Iemand" url="javascript:alert(1)">Citaat</Quote>\n', ['invalid-attribute@1:24']],
  ['Quote url with a tab entity', '<Quote source="Iemand" url="java&#x09;script:alert(1)">Citaat</Quote>\n', ['invalid-attribute@1:24']],
  ['Figure src on another site', '<Figure src="https://tracker.example/p.png" alt="p" />\n', ['invalid-attribute@1:9']],
  ['Figure on this site', '<Figure src="/uploads/a.png" alt="Een foto" caption="Onderschrift" />\n', []],
  ['Figure without alt', '<Figure src="/uploads/a.png" />\n', ['missing-attribute@1:1']],
  ['VideoEmbed on a foreign host', '<VideoEmbed url="https://evil.example/v" title="t" transcript="t" />\n', ['invalid-attribute@1:13']],
  ['VideoEmbed over http', '<VideoEmbed url="http://www.youtube.com/watch?v=abc" title="t" transcript="t" />\n', ['invalid-attribute@1:13']],
  ['VideoEmbed on YouTube', '<VideoEmbed url="https://www.youtube.com/watch?v=abc" title="Uitleg" transcript="Tekst." />\n', []],
  ['MaterialLink id that is no slug', '<MaterialLink id="../etc/passwd" />\n', ['invalid-attribute@1:15']],
  ['Callout type not allowed', '<Callout type="danger">x</Callout>\n', ['value-not-allowed@1:10']],
  ['ordinary Markdown', '## Kop\n\n*schuin* **vet** en een regel  \nmet harde breuk\n\n---\n', []],
];

describe('the guard on a corpus of tricky bodies', () => {
  it.each(corpus)('%s', (_, body, expected) => {
    const found = guardMdx(body).violations.map((v) => `${v.code}@${v.at?.line}:${v.at?.column}`);
    expect(found).toEqual(expected);

    // The build: the same verdict from inside Sätteri's compilation, with the first problem's position.
    let buildError: unknown;
    try {
      mdxToJs(body, { ...astroOptions, mdastPlugins: [contentGuard] });
    } catch (err) {
      buildError = err;
    }
    if (expected.length === 0) expect(buildError).toBeUndefined();
    else if (expected[0]!.startsWith('unreadable@')) {
      // Sätteri's own parse error, with the position first, before the guard sees a tree.
      expect((buildError as Error).message).toMatch(new RegExp(`^${expected[0]!.split('@')[1]}: `));
    } else {
      expect(buildError).toBeInstanceOf(ContentGuardError);
      const [line, column] = expected[0]!.split('@')[1]!.split(':').map(Number);
      expect(buildError).toMatchObject({ line, column });
      expect((buildError as Error).message).toMatch(/Fix: /);
    }

    // The CMS editor: same rules, Dutch words, same yes/no.
    expect(checkMdx(body).length > 0, 'the CMS verdict').toBe(expected.length > 0);
  });
});

describe('robustness', { timeout: 120_000 }, () => {
  it('20,000 nested > give a clear refusal in the check, the build and the CMS, not a crash', () => {
    const body = `${'>'.repeat(20_000)} x\n`;
    expect(guardMdx(body).violations.map((v) => v.code)).toEqual(['too-deep']);
    // Without the guard, Sätteri's code generator overflows the native stack on this (the process dies).
    expect(() => mdxToJs(body, { ...astroOptions, mdastPlugins: [contentGuard] })).toThrow(/nests more than 64 levels deep/);
    // The CMS's fallback parser (remark) needs about 20 s for this text; 1,000 levels show its verdict.
    expect(checkMdx(`${'>'.repeat(1000)} x\n`)).toMatchObject([{ message: expect.stringMatching(/lagen diep genest/) }]);
  });

  it('20,000 nested list items in quotes are refused the same way', () => {
    const body = `${'> - '.repeat(20_000)}x\n`;
    expect(guardMdx(body).violations.map((v) => v.code)).toEqual(['too-deep']);
    expect(() => mdxToJs(body, { ...astroOptions, mdastPlugins: [contentGuard] })).toThrow(ContentGuardError);
  });

  it('a body over the size limit is refused before it is parsed', () => {
    const body = 'Een zin met wat woorden erin. '.repeat(Math.ceil(MAX_BODY_CHARACTERS / 30) + 10);
    expect(guardMdx(body).violations).toMatchObject([{ code: 'too-large', max: MAX_BODY_CHARACTERS }]);
    expect(() => mdxToJs(body, { ...astroOptions, mdastPlugins: [contentGuard] })).toThrow(/too long to check/);
    expect(checkMdx(body)).toMatchObject([{ message: expect.stringMatching(/te lang/) }]);
    // Leading blank lines (the build blanks the frontmatter) do not count.
    const justFits = `${'\n'.repeat(5000)}${'x'.repeat(MAX_BODY_CHARACTERS - 1)}\n`;
    expect(guardMdx(justFits).violations).toEqual([]);
  });

  it('the error names the file, each problem with line:column, and the fix', () => {
    let error: Error | undefined;
    try {
      mdxToJs('Tekst[^1]\n\n[^1]: {x}\n\n[a](javascript:y)\n', { ...astroOptions, fileURL: new URL(`file://${process.cwd()}/content/news/nl/x.mdx`), mdastPlugins: [contentGuard] });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toBe(
      [
        'Content guard: content/news/nl/x.mdx is refused (2 problems; nothing of it was compiled)',
        'content/news/nl/x.mdx:3:7  {x} in curly braces is code and is not allowed in content',
        '  Fix: remove the curly braces and what is between them; to show a curly brace as text, write \\{ and \\}',
        'content/news/nl/x.mdx:5:1  the link address "javascript:y" is not allowed: "javascript:" links are not allowed; use https://, http://, mailto:, tel:, a path on this site (/...) or #anchor',
        '  Fix: link to https://…, http://…, mailto:…, tel:…, a page on this site (/…) or an #anchor',
      ].join('\n'),
    );
  });
});
