/**
 * The content guard's readers and file rules (src/integrations/content-guard/) on their own: every
 * refusal with its line and column and fix, the alias bomb refused fast, prototype keys never a
 * crash, the frontmatter handed to the MDX compiler read the same by its own reader, and entries or
 * images outside their folders refused by the loader.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/checks/index.ts';
import {
  compilerInput,
  readFrontmatter,
  readFrontmatterOnce,
  withCanonicalFrontmatter,
} from '../../src/integrations/content-guard/frontmatter.ts';
import { readEntry } from '../../src/integrations/content-guard/loader.ts';
import { readYaml } from '../../src/integrations/content-guard/yaml.ts';
import { url } from '../../src/schema/common.ts';
import { patchedFixture, PRACTICE } from '../fixtures/bad-cases.ts';

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

const problems = (source: string) =>
  readFrontmatter(source).problems.map((p) => `${p.line}:${p.column} ${p.message} | ${p.hint}`);

/** A 9-level "billion laughs" document: 9^9 (387 million) strings once expanded, under 1 KB written. */
function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  return (
    levels
      .map(
        (name, i) =>
          `${name}: &${name} [${
            i === 0
              ? Array(9).fill('"lol"').join(',')
              : Array(9)
                  .fill(`*${levels[i - 1]}`)
                  .join(',')
          }]`,
      )
      .join('\n') + '\n'
  );
}

describe('frontmatter: what the build and the check refuse, with line:column and fix', () => {
  it('accepts plain fields and gives file positions of keys and list items', () => {
    const fm = readFrontmatter('---\ntitle: Hallo\nthemes:\n  - a\n  - b\n---\n\nTekst\n');
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({ title: 'Hallo', themes: ['a', 'b'] });
    expect(fm.locate(['themes', 1])).toEqual({ line: 5, column: 3 });
    expect(fm.locate(['title'])).toEqual({ line: 2, column: 1 });
    expect([fm.bodyLine, fm.bodyColumn]).toEqual([6, 4]);
  });

  it('refuses layout, mismatched, TOML, unclosed and crowded delimiters', () => {
    expect(problems('---\ntitle: x\nlayout: ../../Evil.astro\n---\n')).toEqual([
      '3:1 "layout" is not a field of any content type: the MDX compiler would import and run the file it names | ' +
        'remove the line "layout: ..."; the site chooses the page layout itself',
    ]);
    expect(problems('---\ntitle: x\n+++\n{alert(1)}\n')).toEqual([
      '3:1 the frontmatter starts with --- but ends with +++, so the fields would be read as text and code | end the block of fields with a line ---',
    ]);
    expect(problems('+++\ntitle = "x"\n+++\n')).toEqual([
      '1:1 the frontmatter starts with +++ (TOML) | write the fields in YAML between two lines ---, as in the other entries',
    ]);
    expect(problems('---\ntitle: x\n\nTekst\n')).toEqual([
      '1:1 the frontmatter opened with --- is never closed | end the block of fields with a line ---',
    ]);
    expect(problems('---\ntitle: x\n----\n')).toEqual([
      '3:4 the closing line --- has text after it | put nothing after --- on its line; start the text on the next line',
    ]);
    expect(problems('Tekst zonder velden\n')).toEqual([
      '1:1 this file has no frontmatter (the block of fields between two --- lines at the top) | ' +
        'start the file with a line ---, then the fields (title: ..., summary: ...), then another line ---',
    ]);
  });

  it('refuses anchors, aliases, tags, merge keys, prototype keys and deep nesting, naming each place', () => {
    expect(
      problems(
        '---\na: &x 1\nb: *x\n<<: {layout: x}\nc: !!binary aGk=\n__proto__: {p: 1}\nconstructor: 1\nprototype: 1\n---\n',
      ),
    ).toEqual([
      '2:4 the anchor &x is not allowed in content | remove "&x"; write every value out in full',
      '3:4 the alias *x repeats a value marked elsewhere with &x | write the value out in full; anchors (&) and aliases (*) are not allowed in content',
      '4:1 the merge key "<<" is not allowed in content | write the fields out in full instead of merging them in',
      '5:4 the YAML tag !!binary is not allowed in content | remove "!!binary": write plain text, numbers, dates and lists only',
      '6:1 "__proto__" cannot be used as a field name | remove the line "__proto__: ..."; it is not a field of any content type',
      '7:1 "constructor" cannot be used as a field name | remove the line "constructor: ..."; it is not a field of any content type',
      '8:1 "prototype" cannot be used as a field name | remove the line "prototype: ..."; it is not a field of any content type',
    ]);
    const deep = `---\nx: ${'['.repeat(12)}1${']'.repeat(12)}\n---\n`;
    expect(problems(deep)).toEqual([
      '2:12 the fields are nested more than 8 levels deep | no content type has fields this deep: compare the indentation with a working entry of the same kind',
    ]);
  });

  it('refuses a 1 KB alias bomb at once, without expanding it', () => {
    const bomb = aliasBomb();
    expect(bomb.length).toBeLessThan(1024);
    const started = performance.now();
    const read = readYaml(bomb);
    const ms = performance.now() - started;
    expect(read.value).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ line: 1, column: 4, message: 'the anchor &a is not allowed in content' });
    // Each anchor and the first use of each alias: 17 problems, not one per repeat.
    expect(read.problems).toHaveLength(9 + 8);
    console.log(`alias bomb (${bomb.length} bytes): refused by the reader in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('hands the compiler the same fields, as JSON its own reader (js-yaml) reads identically, on the same lines', () => {
    const source =
      '---\ntitle: "Een: titel"\npublished: 2024-05-16\nthemes:\n  - a\n---\n\n## Kop\n\n<Callout>x</Callout>\n';
    const fm = readFrontmatter(source);
    const canonical = withCanonicalFrontmatter(source, fm);
    const astro = parseFrontmatter(canonical, { frontmatter: 'empty-with-spaces' });
    expect(astro.frontmatter).toEqual({ title: 'Een: titel', published: '2024-05-16T00:00:00.000Z', themes: ['a'] });
    expect(canonical.split('\n').length).toBe(source.split('\n').length);
    expect(canonical.split('\n').slice(5)).toEqual(source.split('\n').slice(5));
    expect(astro.content.split('\n').indexOf('<Callout>x</Callout>')).toBe(
      source.split('\n').indexOf('<Callout>x</Callout>'),
    );
    // Characters a YAML reader refuses or reads as a line break arrive as the same text.
    const odd = '---\ntitle: "a\u2028b\u0085c"\n---\n';
    expect(
      parseFrontmatter(withCanonicalFrontmatter(odd, readFrontmatter(odd)), { frontmatter: 'empty-with-spaces' })
        .frontmatter,
    ).toEqual({ title: 'a\u2028b\u0085c' });
  });

  it('gives the compiler the same input whether the loader read the file first or not, and reads a changed file again', () => {
    const source = '---\ntitle: Eerst gelezen\nthemes:\n  - wonen\n---\n\nTekst\n';
    const expected = '---{"title":"Eerst gelezen","themes":["wonen"]}\n\n\n\n---\n\nTekst\n';
    expect(compilerInput(source)).toEqual({ code: expected, problems: [] });
    expect(readFrontmatterOnce(source).problems).toEqual([]);
    expect(compilerInput(source)).toEqual({ code: expected, problems: [] });
    // The same file edited after the loader read it: refused by its own content, never by the earlier read.
    const edited = source.replace('title: Eerst gelezen', 'title: Eerst gelezen\nlayout: ../../evil.astro');
    expect(compilerInput(edited)).toMatchObject({ problems: [{ line: 3, column: 1 }] });
    expect('code' in compilerInput(edited)).toBe(false);
    // A file the loader refused is refused again.
    const refused = '---\ntitle: &a x\n---\n';
    expect(readFrontmatterOnce(refused).problems).not.toEqual([]);
    expect('code' in compilerInput(refused)).toBe(false);
  });
});

describe('web addresses in frontmatter (webUrl: entities and whitespace decoded first)', () => {
  const problem = (value: string) => {
    const r = url().safeParse(value);
    return r.success ? 'ok' : r.error.issues[0]!.message;
  };
  it('accepts https and http, refuses other schemes and tricks', () => {
    expect(problem('https://www.example.org/pagina')).toBe('ok');
    expect(problem('http://example.org')).toBe('ok');
    expect(problem('javascript:alert(1)')).toMatch(
      /^not a valid web address: write the full address including https:\/\//,
    );
    expect(problem('java&#x09;script:alert(1)')).toMatch(/^not a valid web address/);
    expect(problem('https://www.example.org\\@evil.example/')).toBe('a backslash (\\) is not allowed in an address');
  });
});

describe('the content check names the file for prototype keys and alias bombs, never a TypeError', () => {
  it('constructor and prototype in frontmatter, an alias bomb in a material', () => {
    const root = patchedFixture((f) => {
      f.edit(PRACTICE, 'title: Een goede start\n', 'title: Een goede start\nconstructor: x\nprototype: y\n');
      f.write('content/materials/bom.yaml', aliasBomb());
    }, 'content-guard-');
    temp.push(root);
    const started = performance.now();
    const result = checkContent({ root });
    const ms = performance.now() - started;
    const lines = result.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`);
    expect(lines).toContain(`${PRACTICE}:3:1 "constructor" cannot be used as a field name`);
    expect(lines).toContain(`${PRACTICE}:4:1 "prototype" cannot be used as a field name`);
    expect(lines).toContain('content/materials/bom.yaml:1:4 the anchor &a is not allowed in content');
    console.log(`content check with an alias bomb: ${ms.toFixed(0)} ms for the whole fixture`);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('the loader refuses entries and images outside their folders', () => {
  it('an entry that is a link to a file outside content/, and a cover outside content/ and src/assets/uploads/', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'content-guard-loader-'));
    temp.push(root);
    const dir = path.join(root, 'content', 'practices', 'nl');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(root, 'elders.mdx'), '---\ntitle: Elders\n---\n');
    symlinkSync(path.join(root, 'elders.mdx'), path.join(dir, 'link.mdx'));
    writeFileSync(path.join(root, 'geheim.png'), 'png');
    writeFileSync(
      path.join(dir, 'omslag.mdx'),
      '---\ntitle: Omslag\ncover:\n  src: ../../../geheim.png\n  alt: x\n---\n',
    );
    const contentDir = path.join(root, 'content');
    expect(readEntry('practices', path.join(dir, 'link.mdx'), root, contentDir).problems).toEqual([
      {
        file: 'content/practices/nl/link.mdx',
        message: `this entry is a link to ${path.join(root, 'elders.mdx')}, outside the content folder`,
        hint: 'replace the link by the file itself',
      },
    ]);
    expect(readEntry('practices', path.join(dir, 'omslag.mdx'), root, contentDir).problems).toEqual([
      {
        file: 'content/practices/nl/omslag.mdx',
        field: 'cover.src',
        line: 4,
        column: 3,
        message: '"../../../geheim.png" points outside content/ or src/assets/uploads/',
        hint: 'use a file in content/ or src/assets/uploads/; a path may not leave its folder with ".."',
      },
    ]);
  });
});
