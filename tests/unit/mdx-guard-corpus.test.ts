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
import { corpus } from '../helpers/mdx-corpus.ts';

const astroOptions = { features: MDX_FEATURES, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;

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

    // The CMS editor: same parse and rules, Dutch words, the same places.
    expect(
      checkMdx(body).map((p) => `${p.line}:${p.column}`),
      'the CMS verdict',
    ).toEqual(expected.map((e) => e.split('@')[1]));
  });
});

describe('robustness', { timeout: 120_000 }, () => {
  it('20,000 nested > give a clear refusal in the check, the build and the CMS, not a crash', () => {
    const body = `${'>'.repeat(20_000)} x\n`;
    expect(guardMdx(body).violations.map((v) => v.code)).toEqual(['too-deep']);
    // Without the guard, Sätteri's code generator overflows the native stack on this (the process dies).
    expect(() => mdxToJs(body, { ...astroOptions, mdastPlugins: [contentGuard] })).toThrow(
      /nests more than 64 levels deep/,
    );
    expect(checkMdx(body)).toMatchObject([{ message: expect.stringMatching(/lagen diep genest/) }]);
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
      mdxToJs('Tekst[^1]\n\n[^1]: {x}\n\n[a](javascript:y)\n', {
        ...astroOptions,
        fileURL: new URL(`file://${process.cwd()}/content/news/nl/x.mdx`),
        mdastPlugins: [contentGuard],
      });
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
