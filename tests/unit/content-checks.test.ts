/**
 * The content checks (src/lib/checks): a valid fixture passes, the real content passes, and every
 * bad case (tests/fixtures/bad-cases.ts: the valid fixture plus one patch, written to a temporary
 * folder here) fails with an error that names the file, the field (or the line:column in the file for
 * MDX problems) and gives a fix.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatError, formatErrors, type ContentError } from '../../src/lib/checks/index.ts';
import { guardEntry } from '../../src/lib/checks/guard.ts';
import { parseContentFile } from '../../src/lib/checks/load.ts';
import { referenceFieldsByCollection } from '../../src/lib/checks/references.ts';
import { formatPath } from '../../src/lib/checks/zod-walk.ts';
import {
  badCases,
  CASE,
  EVENT,
  NEWS,
  PAGE,
  patchedFixture,
  PRACTICE,
  validFixture,
  type Patch,
} from '../fixtures/bad-cases.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** 1-based line and column of the first occurrence of `needle` in a file. */
function positionOf(file: string, needle: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found in ${file}`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Position for a frontmatter field: the line where the key (or list item) starts. */
function keyPosition(file: string, needle: string): { line: number; column: number } {
  const pos = positionOf(file, needle);
  const lineText = readFileSync(file, 'utf8').split('\n')[pos.line - 1]!;
  return { line: pos.line, column: lineText.length - lineText.trimStart().length + 1 };
}

const show = (errors: ContentError[]) => formatErrors(errors) || '(no errors)';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of the valid fixture with a patch applied. */
function tempFixture(patch: Patch): string {
  const dir = patchedFixture(patch, 'content-checks-');
  tempDirs.push(dir);
  return dir;
}

describe('valid content', () => {
  it('the valid fixture passes with 0 errors and 0 warnings', () => {
    const result = checkContent({ root: validFixture });
    expect(show(result.errors)).toBe('(no errors)');
    expect(result.errors).toHaveLength(0);
    expect(result.warnings).toHaveLength(0);
    expect(result.counts.practices).toEqual({ nl: 1, en: 1, total: 1 });
    expect(result.counts.materials.total).toBe(2);
    // Dutch entries without an English version are listed, not errors.
    expect(result.missingTranslations.map((m) => m.file).sort()).toEqual([CASE, EVENT, NEWS]);
  });

  it('accepts the content folder itself as root', () => {
    const result = checkContent({ root: path.join(validFixture, 'content') });
    expect(result.errors).toHaveLength(0);
    expect(result.missingTranslations).toHaveLength(3);
  });

  it('the real content/ passes with 0 errors', () => {
    expect(existsSync(path.join(projectRoot, 'content/settings/site.yaml'))).toBe(true);
    const result = checkContent({ root: projectRoot });
    expect(show(result.errors)).toBe('(no errors)');
    const entries = Object.values(result.counts).reduce((n, c) => n + c.total, 0);
    expect(entries).toBeGreaterThan(0);
  });
});

describe('bad cases: each fails with file, field or position, and a fix', () => {
  it('the table has the expected number of cases', () => {
    expect(Object.keys(badCases).length).toBeGreaterThanOrEqual(48);
  });

  for (const [name, { patch, expect: exp }] of Object.entries(badCases)) {
    it(name, () => {
      const root = tempFixture(patch);
      const result = checkContent({ root });
      expect(result.errors.length, show(result.errors)).toBe(exp.count ?? 1);
      const error = result.errors.find((e) => exp.message.test(e.message));
      expect(error, `no error matching ${exp.message}:\n${show(result.errors)}`).toBeDefined();
      expect(error!.file).toBe(exp.file);
      expect(error!.hint).toMatch(exp.hint);
      expect(error!.hint.length).toBeGreaterThan(10);
      if (exp.field) expect(error!.field).toBe(exp.field);
      else expect(error!.field).toBeUndefined();
      if (exp.at) {
        const abs = path.join(root, exp.file);
        const want = exp.field ? keyPosition(abs, exp.at) : positionOf(abs, exp.at);
        expect({ line: error!.line, column: error!.column }).toEqual(want);
      }
      // The valid fixture does not have this error: the fault is what the patch introduced.
      const formatted = formatError(error!);
      expect(formatErrors(checkContent({ root: validFixture }).errors)).not.toContain(formatted);
    });
  }
});

describe('more guard cases', () => {
  const mdx = (body: string) => {
    const errors: ContentError[] = [];
    const entry = parseContentFile(
      `---\ntitle: Test\n---\n${body}`,
      '/x/content/pages/nl/test.mdx',
      'content/pages/nl/test.mdx',
      { collection: 'pages', format: 'mdx', lang: 'nl' },
      errors,
    );
    expect(errors).toEqual([]);
    return guardEntry(entry).errors;
  };

  it('accepts Markdown and every allowed component with valid attributes', () => {
    const body = readFileSync(path.join(validFixture, PAGE), 'utf8').split('---\n').slice(2).join('---\n');
    expect(mdx(body)).toEqual([]);
  });

  it('rejects fragments, spread attributes, unknown and value-less attributes, lowercase html inside components', () => {
    const errors = mdx(
      [
        '<>los</>', // line 4
        '',
        '<Callout {...props}>x</Callout>', // line 6
        '',
        '<Callout typ="tip">x</Callout>', // line 8
        '',
        '<Quote source>x</Quote>', // line 10
        '',
        '<Callout>', // line 12
        '<div>binnen</div>', // line 13
        '</Callout>',
        '',
        '<Figure src="/uploads/a.png" alt="a">onderschrift</Figure>', // line 16
        '',
        '{/* commentaar */}', // line 18
      ].join('\n'),
    );
    const at = errors.map((e) => `${e.line}:${e.column} ${e.message}`);
    expect(at).toEqual([
      '4:1 a fragment <>...</> is not allowed in content',
      '6:10 <Callout {...props}>: curly braces in a tag are code and are not allowed',
      '8:10 <Callout> has no attribute "typ"',
      '10:8 <Quote source>: the attribute has no value',
      '13:1 the HTML tag <div> is not allowed in content',
      '16:1 <Figure> does not show text placed between its tags, so that text would be lost',
      '18:1 {/* commentaar */} in curly braces is code and is not allowed in content',
    ]);
    expect(errors.find((e) => e.message.includes('"typ"'))!.hint).toMatch(/did you mean "type"\?/);
    for (const e of errors) expect(e.hint.length).toBeGreaterThan(10);
  });

  it('gives file lines, not body lines, also after a long frontmatter', () => {
    const errors: ContentError[] = [];
    const source = `---\ntitle: Test\ndescription: Een lange omschrijving.\nupdated: 2024-01-01\n---\n\nTekst\n\n<script />\n`;
    const entry = parseContentFile(
      source,
      '/x/a.mdx',
      'a.mdx',
      { collection: 'pages', format: 'mdx', lang: 'nl' },
      errors,
    );
    expect(guardEntry(entry).errors.map((e) => [e.line, e.column])).toEqual([[9, 1]]);
  });
});

describe('more frontmatter and file cases', () => {
  it('reports every problem at once, across files and checks', () => {
    const root = tempFixture((f) => {
      f.edit(PRACTICE, 'title: Een goede start\n', '');
      f.edit(CASE, 'province: zuid-holland', 'province: zuid-hollnd');
      f.append(PAGE, '\n{x}\n');
      f.edit(EVENT, '      - presentatie\n', '      - nergens\n');
    });
    const result = checkContent({ root });
    expect(result.errors.map((e) => `${e.file} ${e.field ?? e.line}`)).toEqual([
      `${CASE} province`,
      `${EVENT} sessions[0].materials[1]`,
      `${PAGE} 30`,
      `${PRACTICE} title`,
    ]);
  });

  it('rejects a slug set in frontmatter and every unknown field, at any depth, as errors', () => {
    const root = tempFixture((f) => {
      f.edit(PRACTICE, 'published: 2024-05-16\n', 'published: 2024-05-16\nslug: andere-naam\nfeautred: true\n');
      f.edit(
        PRACTICE,
        '  alt: Een groep mensen aan een tafel.\n',
        '  alt: Een groep mensen aan een tafel.\n  titel: Omslag\n',
      );
    });
    const result = checkContent({ root });
    expect(result.warnings).toHaveLength(0);
    expect(result.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.field}: ${e.message} | ${e.hint}`)).toEqual([
      `${PRACTICE}:5:1 slug: "slug" may not be set here: it would change the address of the entry without renaming the file | ` +
        'remove the slug line; to change the address, rename the file (in both nl/ and en/)',
      `${PRACTICE}:6:1 feautred: "feautred" is not a field of this content type | did you mean \`featured\`? Rename it, or remove the line`,
      `${PRACTICE}:${keyPosition(path.join(root, PRACTICE), 'titel: Omslag').line}:3 cover.titel: "titel" is not a field of this content type | ` +
        'remove the line; the fields here are: src, alt',
    ]);
  });

  it('treats x.yaml and x.yml as the same material and reports the .yml file', () => {
    const root = tempFixture((f) => f.copy('content/materials/handout.yaml', 'content/materials/handout.yml'));
    const result = checkContent({ root });
    expect(result.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'content/materials/handout.yml: the site reads only files ending in .yaml here: this .yml file is not published',
      'content/materials/handout.yml: "handout.yml" and "handout.yaml" are the same entry: the site reads both as the same entry',
    ]);
  });

  it('a reference to an entry that exists only in English is dangling', () => {
    const root = tempFixture((f) => {
      f.copy(CASE, 'content/cases/en/utrecht.mdx');
      f.edit(PRACTICE, 'cases:\n  - gouda', 'cases:\n  - utrecht');
    });
    const messages = checkContent({ root }).errors.map((e) => e.message);
    expect(messages).toContain(
      '"utrecht" exists only in English; references point at the Dutch version, which is missing',
    );
  });

  it('finds reference fields from the schema metadata, including nested ones', () => {
    const fields = referenceFieldsByCollection();
    const list = (c: keyof typeof fields) => fields[c].map((f) => `${formatPath(f.path)}->${f.relation}`).sort();
    expect(list('events')).toEqual(['materials->materials', 'sessions[].materials->materials']);
    expect(list('practices')).toEqual(['cases->cases', 'materials->materials', 'practices->practices']);
    expect(list('news')).toEqual(['cases->cases', 'events->events', 'practices->practices']);
  });
});

describe('formatter and command line', () => {
  it('prints one block per error: position, field, message, fix', () => {
    const block = formatError({
      check: 'schema',
      file: 'content/practices/nl/x.mdx',
      line: 12,
      column: 3,
      field: 'themes[0]',
      message: '"foo" is not a known themes value',
      hint: 'choose one of: a, b',
    });
    expect(block).toBe(
      'content/practices/nl/x.mdx:12:3  field "themes[0]"\n  "foo" is not a known themes value\n  Fix: choose one of: a, b',
    );
  });

  const script = path.join(projectRoot, 'scripts/check-content.ts');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8' });

  it('exits 1 and prints all errors and a count', () => {
    const root = tempFixture((f) => {
      f.edit(PRACTICE, 'title: Een goede start\n', '');
      f.append(PAGE, '\n<script />\n');
    });
    const out = run(['--root', root]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('content/practices/nl/goede-start.mdx  field "title"');
    expect(out.stderr).toMatch(/content\/pages\/nl\/over\.mdx:30:1\n {2}the HTML tag <script>/);
    expect(out.stderr.trim().split('\n').at(-1)).toBe('2 content errors');
  });

  it('exits 0 with a summary and the entries lacking English', () => {
    const out = run(['--root', path.relative(projectRoot, validFixture)]);
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'Content OK: practices 1 (en 1), cases 1 (en 0), events 1 (en 0), materials 2, news 1 (en 0), pages 1 (en 1), settings',
    );
    expect(lines.slice(1)).toEqual(['No English version yet (3):', `  ${CASE}`, `  ${EVENT}`, `  ${NEWS}`]);
  });

  it('bad cases fail on the command line', () => {
    const root = tempFixture(badCases['html-script-tag']!.patch);
    const out = run(['--root', root]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`${root}/content/practices/nl/goede-start.mdx:26:1`);
    expect(out.stderr.trim().endsWith('1 content error')).toBe(true);
  });
});
