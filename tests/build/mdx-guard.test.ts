/**
 * The content guard is part of the compiler, not only of `npm run check:content`: `astro build` run
 * directly (the content check bypassed) on a copy of the project with one attacking news body must
 * fail with a message naming the file, line:column and the fix, evaluate nothing (no proof file) and
 * write nothing into the output folder. A safe body in the same copy builds (the control).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { userEnv } from '../helpers/user-env.ts';

let dir: string;
beforeAll(() => {
  dir = copyProject('mdx-guard-build-');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const FILE = 'content/news/nl/guard-payload.mdx';
const frontmatter =
  '---\ntitle: Bericht om de bewaker te testen\nsummary: Een bericht met inhoud die de build moet weigeren.\npublished: 2026-11-01\n---\n\n';
/** Lines of the frontmatter above the body (the body starts on line 7). */
const BODY_LINE = 7;

function astroBuild(cwd: string, outDir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      join(cwd, 'node_modules', '.bin', 'astro'),
      ['build'],
      {
        cwd,
        env: {
          ...userEnv(),
          ASTRO_TELEMETRY_DISABLED: '1',
          ASTRO_OUT_DIR: outDir,
          ASTRO_CACHE_DIR: join(cwd, '.cache-guard'),
          BUILD_DATE: '2026-11-29',
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

// Each payload: the body, then the line (in the body) and the words the refusal must contain.
const proof = () => join(dir, 'proof.txt');
const payloads: [string, () => string, number, RegExp][] = [
  [
    'a GFM footnote holding an expression that writes a file',
    () =>
      `A normal sentence with a footnote[^1].\n\n[^1]: {process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(proof())},'ran')}\n`,
    3,
    /curly braces is code[\s\S]*Fix: remove the curly braces/,
  ],
  [
    'a javascript: link',
    () => 'Click [here](javascript:alert(1)).\n',
    1,
    /"javascript:" links are not allowed[\s\S]*Fix: link to https:/,
  ],
  [
    'a third-party image',
    () => 'Text.\n\n![pixel](https://tracker.example/p.png)\n',
    3,
    /image address "https:\/\/tracker\.example\/p\.png" is not allowed[\s\S]*Fix: upload the image/,
  ],
  [
    'a Figure loading an image from another site',
    () => '<Figure src="https://tracker.example/p.png" alt="pixel" />\n',
    1,
    /<Figure src="https:\/\/tracker\.example\/p\.png">: images must come from this site[\s\S]*Fix: upload the image/,
  ],
  [
    'a VideoEmbed on a host that is not a video host',
    () => 'Watch:\n\n<VideoEmbed url="https://evil.example/watch" title="Video" transcript="Tekst." />\n',
    3,
    /<VideoEmbed url="https:\/\/evil\.example\/watch">: a video must be an https:\/\/ address on www\.youtube\.com/,
  ],
  [
    'an ESM export that writes a file',
    () => `export const x = process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(proof())}, 'ran')\n\nText.\n`,
    1,
    /an export is code and is not allowed[\s\S]*Fix: remove this line/,
  ],
];

describe('astro build (without the content check) refuses unsafe MDX bodies', () => {
  // The control: the same copy builds with a safe body, and the guard and the compiler agree on a
  // component whose attributes are written on several lines (both accept it).
  it('builds a safe body, with a component whose attributes span several lines', async () => {
    const outDir = join(dir, 'out');
    writeFileSync(
      join(dir, FILE),
      `${frontmatter}Tekst.\n\n<Callout\n  type="tip"\n  title="Over meer regels"\n>\nIn het kader.\n</Callout>\n`,
    );
    const { code, output } = await astroBuild(dir, outDir);
    expect(code, output).toBe(0);
    const html = readFileSync(join(outDir, 'nieuws', 'guard-payload', 'index.html'), 'utf8');
    expect(html).toContain(
      '<div class="callout callout-tip" role="note"><p class="callout-title"><strong>Over meer regels</strong></p><p>In het kader.</p></div>',
    );
  });

  it.each(payloads)('%s', async (_, body, line, words) => {
    const outDir = join(dir, 'out');
    rmSync(outDir, { recursive: true, force: true });
    writeFileSync(join(dir, FILE), frontmatter + body());
    const { code, output } = await astroBuild(dir, outDir);
    expect(code, output).not.toBe(0);
    expect(output).toContain(`Content guard: ${FILE} is refused`);
    expect(output).toContain(`${FILE}:${BODY_LINE + line - 1}:`);
    expect(output).toMatch(words);
    expect(existsSync(proof()), 'the payload ran').toBe(false);
    expect(existsSync(outDir), 'the build wrote output').toBe(false);
  });
});
