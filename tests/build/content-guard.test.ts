/**
 * The build refuses unsafe frontmatter and files by itself: `astro build` run directly (no
 * `npm run check:content` before it) on a throw-away copy of the project. Each attack is a real payload
 * that writes a proof file when it runs; the test asserts the refusal (file, line:column, fix) and that
 * nothing happened: no proof file, no page in dist/. A control then runs each payload outside the build
 * and sees the proof file appear, so the payloads are live and the "nothing happened" checks can fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { userEnv } from '../helpers/user-env.ts';

const PRACTICE = 'content/practices/nl/een-open-buurt.mdx';
let dir: string;
let original: string;

beforeAll(() => {
  dir = copyProject('content-guard-build-');
  original = readFileSync(join(dir, PRACTICE), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `astro build` in the copy, as a user's shell would run it. */
function astroBuild(): { status: number | null; output: string; seconds: number } {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(join(dir, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 400_000,
    env: {
      ...userEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, '.cache'),
      BUILD_DATE: '2026-11-29',
    },
  });
  // Colour codes out, so messages can be compared as text.
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, output, seconds: (performance.now() - started) / 1000 };
}

/** No page was written: the build stopped before producing any HTML. */
function expectNoPages() {
  expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
  expect(existsSync(join(dir, 'dist', 'praktijken'))).toBe(false);
}

/**
 * Builds with the practice file changed by `edit`, then puts it back: the build must fail, print each
 * expected text, write no page and (when given) no proof file.
 */
function refusedPracticeBuild(edit: (text: string) => string, expected: readonly string[], proof?: string) {
  const text = edit(original);
  expect(text).not.toBe(original);
  writeFileSync(join(dir, PRACTICE), text);
  try {
    const build = astroBuild();
    expect(build.status, build.output.slice(-3000)).not.toBe(0);
    for (const part of expected) expect(build.output).toContain(part);
    if (proof) expect(existsSync(proof)).toBe(false);
    expectNoPages();
    return build;
  } finally {
    writeFileSync(join(dir, PRACTICE), original);
  }
}

describe('astro build refuses unsafe frontmatter without the content check', () => {
  it('layout: "data:text/javascript,…" is refused with file, line:column and fix; the payload never runs', () => {
    const proof = join(dir, 'proof-layout');
    const payload = `data:text/javascript,process.getBuiltinModule('node:fs').writeFileSync('${proof}','ran')`;
    refusedPracticeBuild(
      (t) => t.replace('---\n', `---\nlayout: "${payload}"\n`),
      [
        `${PRACTICE}:2:1\n  "layout" is not a field of any content type: the MDX compiler would import and run the file it names\n` +
          '  Fix: remove the line "layout: ..."; the site chooses the page layout itself',
      ],
      proof,
    );
    // Control: the same payload, imported as the compiler's output would import it, writes the proof.
    const control = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(payload)})`],
      { encoding: 'utf8' },
    );
    expect(control.status, control.stderr).toBe(0);
    expect(readFileSync(proof, 'utf8')).toBe('ran');
  }, 420_000);

  it('frontmatter opened with --- and closed with +++ is refused; the YAML is never compiled as MDX', () => {
    const proof = join(dir, 'proof-delimiters');
    const expression = `{process.getBuiltinModule('node:fs').writeFileSync('${proof}','ran')}`;
    const lines = original.split('\n');
    const close = lines.indexOf('---', 1);
    lines[close] = '+++';
    // A folded YAML text, which MDX would read as an expression once the block is compiled as body.
    lines.splice(
      lines.findIndex((l) => l.startsWith('summary:')),
      1,
      'summary: >-',
      `  ${expression}`,
    );
    refusedPracticeBuild(
      () => lines.join('\n'),
      [
        `${PRACTICE}:${close + 2}:1\n  the frontmatter starts with --- but ends with +++, so the fields would be read as text and code\n` +
          '  Fix: end the block of fields with a line ---',
      ],
      proof,
    );
    // Control: the expression is live code.
    new Function(expression.slice(1, -1))();
    expect(readFileSync(proof, 'utf8')).toBe('ran');
  }, 420_000);

  it('a 1 KB YAML alias bomb is refused at its first anchor, before anything expands it', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const bomb = levels.map(
      (name, i) =>
        `${name}: &${name} [${
          i === 0
            ? '"lol","lol","lol","lol","lol","lol","lol","lol","lol"'
            : Array(9)
                .fill(`*${levels[i - 1]}`)
                .join(',')
        }]`,
    );
    expect(bomb.join('\n').length).toBeLessThan(1024);
    const build = refusedPracticeBuild(
      (t) => t.replace('---\n', `---\n${bomb.join('\n')}\n`),
      [`${PRACTICE}:2:4\n  the anchor &a is not allowed in content\n  Fix: remove "&a"; write every value out in full`],
    );
    console.log(
      `alias bomb: build refused after ${build.seconds.toFixed(1)} s (whole astro build run, including start-up)`,
    );
  }, 420_000);

  it('__proto__ as a field is refused naming the file and line, never a crash', () => {
    const build = refusedPracticeBuild(
      (t) => t.replace('---\n', '---\n__proto__:\n  polluted: true\n'),
      [`${PRACTICE}:2:1\n  "__proto__" cannot be used as a field name\n  Fix: remove the line "__proto__: ..."`],
    );
    expect(build.output).not.toMatch(/TypeError/);
  }, 420_000);

  it('a field the schema does not define fails the build with the file, the key and the fix', () => {
    refusedPracticeBuild(
      (t) => t.replace('---\n', '---\nfeautred: true\n'),
      [
        `${PRACTICE}:2:1  field "feautred"\n  "feautred" is not a field of this content type\n  Fix: did you mean \`featured\`? Rename it, or remove the line`,
      ],
    );
  }, 420_000);

  it('an .mdx page outside the collections with a layout is refused before the MDX compiler sees it', () => {
    const proof = join(dir, 'proof-page-layout');
    const page = join(dir, 'src', 'pages', 'probe.mdx');
    writeFileSync(
      page,
      `---\nlayout: "data:text/javascript,process.getBuiltinModule('node:fs').writeFileSync('${proof}','ran')"\n---\n\nHallo\n`,
    );
    try {
      const build = astroBuild();
      expect(build.status, build.output.slice(-3000)).not.toBe(0);
      expect(build.output).toContain('src/pages/probe.mdx:2:1\n  "layout" is not a field of any content type');
      expect(existsSync(proof)).toBe(false);
      expect(existsSync(join(dir, 'dist', 'probe'))).toBe(false);
    } finally {
      rmSync(page);
    }
  }, 420_000);
});

describe('astro build refuses links, unread content files and unsafe uploads before it reads content', () => {
  it('names each file with its fix, and nothing reaches dist/', () => {
    const outside = join(dir, '..', `${dir.split('/').pop()}-secret.txt`);
    writeFileSync(outside, 'GEHEIM-BUITEN-DE-UPLOADS');
    symlinkSync(outside, join(dir, 'public', 'uploads', 'handout.pdf'));
    writeFileSync(join(dir, 'content', 'practices', 'nl', 'upper.MDX'), original);
    writeFileSync(join(dir, 'content', 'practices', 'nl', 'open buurt.mdx'), original);
    writeFileSync(join(dir, 'content', 'practices', 'nl', 'notities.md'), '# Notities\n');
    writeFileSync(join(dir, 'public', 'uploads', 'page.html'), '<script>alert(document.domain)</script>');
    mkdirSync(join(dir, 'src', 'assets', 'uploads'), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'assets', 'uploads', 'cover.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    try {
      const build = astroBuild();
      expect(build.status, build.output.slice(-3000)).not.toBe(0);
      expect(build.output).toContain(
        `public/uploads/handout.pdf\n  this is a symbolic link (to ${outside}); links are not allowed in content, public/ or uploads, ` +
          'because the build would publish or read whatever they point at\n  Fix: replace the link by a copy of the file itself, or remove it',
      );
      expect(build.output).toContain(
        'content/practices/nl/upper.MDX\n  this file ends in ".MDX", so the site does not read it: only ".mdx" in lower case is read\n  Fix: rename it to upper.mdx',
      );
      expect(build.output).toContain(
        'content/practices/nl/open buurt.mdx\n  the file name "open buurt.mdx" is not a valid slug (the file name becomes the web address)\n' +
          '  Fix: rename the file to "open-buurt.mdx"',
      );
      expect(build.output).toContain(
        'content/practices/nl/notities.md\n  this .md file is not read by the site: in practices/ only .mdx files are content\n  Fix: rename it to notities.mdx',
      );
      expect(build.output).toContain(
        'public/uploads/page.html\n  this upload is not allowed: files of type ".html" cannot be uploaded; allowed: jpg, jpeg, png',
      );
      expect(build.output).toContain(
        'src/assets/uploads/cover.svg\n  this upload is not allowed: files of type ".svg" cannot be uploaded; allowed: jpg, jpeg, png, webp, avif',
      );
      expect(build.output).toMatch(
        /Fix: remove the file, or save it as one of the allowed types \(jpg, jpeg, png, webp, avif, gif, pdf/,
      );
      expect(build.output).toContain('6 content errors');
      expect(existsSync(join(dir, 'dist', 'uploads', 'handout.pdf'))).toBe(false);
      expect(existsSync(join(dir, 'dist', 'uploads', 'page.html'))).toBe(false);
      expectNoPages();
    } finally {
      rmSync(join(dir, 'public', 'uploads', 'handout.pdf'));
      rmSync(join(dir, 'content', 'practices', 'nl', 'upper.MDX'));
      rmSync(join(dir, 'content', 'practices', 'nl', 'open buurt.mdx'));
      rmSync(join(dir, 'content', 'practices', 'nl', 'notities.md'));
      rmSync(join(dir, 'public', 'uploads', 'page.html'));
      rmSync(join(dir, 'src', 'assets', 'uploads', 'cover.svg'));
      rmSync(outside);
    }
  }, 420_000);
});
