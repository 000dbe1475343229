/**
 * The content checks (src/lib/checks): a valid fixture passes, the real content passes, and every
 * bad fixture (tests/fixtures/bad/<case>/, each the valid fixture plus one fault, written by
 * tests/fixtures/make-bad-fixtures.ts) fails with an error that names the file, the field (or the
 * line:column in the file for MDX problems) and gives a fix.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatError, formatErrors, type ContentError } from '../../src/lib/checks/index.ts';
import { guardEntry } from '../../src/lib/checks/guard.ts';
import { parseContentFile } from '../../src/lib/checks/load.ts';
import { referenceFieldsByCollection } from '../../src/lib/checks/references.ts';
import { formatPath } from '../../src/lib/checks/zod-walk.ts';
import { badCases, Fixture, validFixture } from '../fixtures/make-bad-fixtures.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const badDir = path.join(projectRoot, 'tests/fixtures/bad');

interface Expectation {
  /** File the error must name, relative to the fixture root. */
  file: string;
  /** Readable field path the error must name (frontmatter problems). */
  field?: string;
  /**
   * Text in the file whose position the error must give (line and column of its first character);
   * for frontmatter problems the line of the field.
   */
  at?: string;
  message: RegExp;
  hint: RegExp;
  /** Errors the case produces in total (default 1: the fixture has exactly one fault). */
  count?: number;
}

const PRACTICE = 'content/practices/nl/goede-start.mdx';
const CASE = 'content/cases/nl/gouda.mdx';
const EVENT = 'content/events/nl/startbijeenkomst.mdx';
const NEWS = 'content/news/nl/eerste-bericht.mdx';
const PAGE = 'content/pages/nl/over.mdx';

const expectations: Record<string, Expectation> = {
  'missing-title': { file: PRACTICE, field: 'title', message: /required field "title".*missing/, hint: /add the field `title:`.*at least 3 characters/ },
  'unknown-theme': { file: PRACTICE, field: 'themes[1]', at: '- matchen', message: /"matchen" is not a known themes value/, hint: /choose one of: .*forming-a-group.*did you mean "matching"/ },
  'bad-date': { file: NEWS, field: 'published', at: 'published:', message: /"20-05-2024" is not a valid date/, hint: /YYYY-MM-DD/ },
  'impossible-date': { file: NEWS, field: 'published', at: 'published:', message: /2024-02-30 is not a real calendar date.*2024-03-01/, hint: /YYYY-MM-DD/ },
  'cover-without-alt': { file: PRACTICE, field: 'cover.alt', at: 'cover:', message: /"cover.alt".*missing/, hint: /add the field `alt:` under `cover:`.*describe the image/ },
  'missing-cover-image': { file: PRACTICE, field: 'cover.src', at: 'src: ./omslag.png', message: /"\.\/omslag\.png" does not exist.*content\/practices\/nl\/omslag\.png/, hint: /upload the image/ },
  'figure-without-source': { file: CASE, field: 'figures[0].source', at: '- label: Aantal groepen', message: /"figures\[0\]\.source".*missing/, hint: /add the field `source:` to item 1 of `figures:`.*`title:`/ },
  'quote-without-source': { file: CASE, field: 'quote.source', at: 'quote:', message: /"quote\.source".*missing/, hint: /a quote needs its source/ },
  'event-ends-before-start': { file: EVENT, field: 'end', at: 'end: "2024-05-16T08:00"', message: /"2024-05-16T08:00"/, hint: /the event must end after it starts/ },
  'session-ends-before-start': { file: EVENT, field: 'sessions[1].end', at: 'end: "2024-05-16T10:15"', message: /"2024-05-16T10:15"/, hint: /the session must end after it starts/ },
  'material-without-file-or-url': { file: 'content/materials/presentatie.yaml', field: 'file', message: /"file".*not filled in/, hint: /give an uploaded file or an external link/ },
  'material-file-missing': { file: 'content/materials/handout.yaml', field: 'file', at: 'file:', message: /"\/uploads\/handuot\.pdf" does not exist/, hint: /did you mean "\/uploads\/handout\.pdf"/ },
  'invalid-url': { file: CASE, field: 'sources[0].url', at: 'url: www.example.org/bron', message: /"www\.example\.org\/bron" is not a valid web address/, hint: /https:\/\// },
  'settings-invalid-email': { file: 'content/settings/site.yaml', field: 'email', at: 'email:', message: /"info-at-example\.org" is not a valid e-mail address/, hint: /info@example\.org/ },
  'settings-missing': { file: 'content/settings/site.yaml', message: /settings file is missing/, hint: /restore content\/settings\/site\.yaml/ },
  'frontmatter-syntax-error': { file: PRACTICE, at: 'Een goede start: zo', message: /frontmatter could not be read/, hint: /quotes/ },
  'dangling-case-reference': { file: PRACTICE, field: 'cases[0]', at: '- goudaa', message: /"goudaa" is not an existing municipality/, hint: /did you mean "gouda"/ },
  'dangling-session-material': { file: EVENT, field: 'sessions[0].materials[1]', at: '- presentaite', message: /"presentaite" is not an existing material/, hint: /did you mean "presentatie"/ },
  'dangling-material-link': { file: PAGE, at: '<MaterialLink id="handleiding"', message: /"handleiding" is not an existing material/, hint: /handout, presentatie/ },
  'english-without-dutch': { file: 'content/cases/en/utrecht.mdx', message: /English entry has no Dutch version.*content\/cases\/nl\/utrecht\.mdx/, hint: /add the Dutch version/ },
  'duplicate-slug-case-insensitive': { file: 'content/practices/nl/Goede-Start.mdx', message: /"Goede-Start\.mdx" and "goede-start\.mdx" are the same entry/, hint: /keep one file/, count: 2 },
  'non-kebab-file-name': { file: 'content/news/nl/Eerste_Bericht.mdx', message: /"Eerste_Bericht\.mdx" is not a valid slug/, hint: /rename the file to "eerste-bericht\.mdx"/ },
  'markdown-file-not-read': { file: 'content/practices/nl/notities.md', message: /not read by the site/, hint: /rename it to notities\.mdx/ },
  'unknown-component': { file: PAGE, at: '<Callot', message: /<Callot> is not a component/, hint: /did you mean <Callout>/ },
  'html-script-tag': { file: PRACTICE, at: '<script>', message: /HTML tag <script> is not allowed/, hint: /remove the whole <script> element/ },
  'html-div-tag': { file: PRACTICE, at: '<span>', message: /HTML tag <span> is not allowed/, hint: /Markdown/ },
  'import-statement': { file: PAGE, at: 'import Kaart', message: /an import is code/, hint: /remove this line/ },
  'export-statement': { file: PAGE, at: 'export const', message: /an export is code/, hint: /remove this line/ },
  'flow-expression': { file: PAGE, at: '{new Date()', message: /curly braces is code/, hint: /remove the curly braces/ },
  'text-expression': { file: PAGE, at: '{jaren}', message: /\{jaren\} in curly braces is code/, hint: /write \\\{ and \\\}/ },
  'expression-attribute': { file: PAGE, at: 'title={titel}', message: /<Callout title=\{\.\.\.\}>.*code/, hint: /write the value in quotes: title="\.\.\."/ },
  'callout-bad-type': { file: PAGE, at: 'type="danger"', message: /"danger" is not an allowed type/, hint: /choose one of: info, tip, warning/ },
  'quote-component-without-source': { file: PAGE, at: '<Quote url=', message: /<Quote> is missing the required attribute "source"/, hint: /add source="\.\.\."/ },
  'mdx-parse-error': { file: PAGE, at: '5 mensen', message: /could not be read/, hint: /write \\</ },
};

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
function tempFixture(patch: (f: Fixture) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'content-checks-'));
  tempDirs.push(dir);
  cpSync(validFixture, dir, { recursive: true });
  patch(new Fixture(dir));
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

describe('bad fixtures: each fails with file, field or position, and a fix', () => {
  it('every fixture folder has an expectation and every expectation a folder', () => {
    const folders = readdirSync(badDir).sort();
    expect(folders).toEqual(Object.keys(expectations).sort());
    expect(Object.keys(badCases).sort()).toEqual(folders);
    expect(folders.length).toBeGreaterThanOrEqual(22);
  });

  for (const [name, exp] of Object.entries(expectations)) {
    it(name, () => {
      const root = path.join(badDir, name);
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
    const entry = parseContentFile(`---\ntitle: Test\n---\n${body}`, '/x/content/pages/nl/test.mdx', 'content/pages/nl/test.mdx', { collection: 'pages', format: 'mdx', lang: 'nl' }, errors);
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
    const entry = parseContentFile(source, '/x/a.mdx', 'a.mdx', { collection: 'pages', format: 'mdx', lang: 'nl' }, errors);
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
      f.edit(PRACTICE, '  alt: Een groep mensen aan een tafel.\n', '  alt: Een groep mensen aan een tafel.\n  titel: Omslag\n');
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
    expect(messages).toContain('"utrecht" exists only in English; references point at the Dutch version, which is missing');
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
    const block = formatError({ check: 'schema', file: 'content/practices/nl/x.mdx', line: 12, column: 3, field: 'themes[0]', message: '"foo" is not a known themes value', hint: 'choose one of: a, b' });
    expect(block).toBe('content/practices/nl/x.mdx:12:3  field "themes[0]"\n  "foo" is not a known themes value\n  Fix: choose one of: a, b');
  });

  const script = path.join(projectRoot, 'scripts/check-content.ts');
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8' });

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
    expect(lines[0]).toBe('Content OK: practices 1 (en 1), cases 1 (en 0), events 1 (en 0), materials 2, news 1 (en 0), pages 1 (en 1), settings');
    expect(lines.slice(1)).toEqual(['No English version yet (3):', `  ${CASE}`, `  ${EVENT}`, `  ${NEWS}`]);
  });

  it('bad fixtures fail on the command line', () => {
    const out = run(['--root', 'tests/fixtures/bad/html-script-tag']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('tests/fixtures/bad/html-script-tag/content/practices/nl/goede-start.mdx:26:1');
    expect(out.stderr.trim().endsWith('1 content error')).toBe(true);
  });
});
