/**
 * The server recipe (deploy/deploy.sh) on this machine: two deployments into a temporary folder served by
 * nginx from <folder>/current. While the second one runs, the current link always points to a complete
 * release and every request gets a whole page of one release or the other; afterwards the new release is
 * live, the previous one is kept, and the old fingerprinted assets still answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot, testDist } from '../helpers/paths.ts';
import { startNginx, type Nginx } from '../helpers/nginx.ts';
import { rawGet } from '../helpers/raw-http.ts';

let work: string;
let nginx: Nginx | undefined;

/** A copy of the build that says which release it is (release.txt) and has an asset of its own. */
function release(name: string): string {
  const dir = join(work, `dist-${name}`);
  cpSync(testDist, dir, { recursive: true });
  writeFileSync(join(dir, 'release.txt'), name);
  writeFileSync(join(dir, '_astro', `only-in-${name}.js`), `// ${name}`);
  return dir;
}

function deploy(dist: string, target: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('sh', [join(projectRoot, 'deploy', 'deploy.sh'), dist, target], {
      env: { ...process.env, KEEP: '5', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) =>
      code === 0 ? done(output) : fail(new Error(`deploy.sh ended with ${code}:\n${output}`)),
    );
  });
}

const target = () => join(work, 'site');
const current = () => join(target(), 'current');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deploy-'));
});

afterAll(async () => {
  await nginx?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('deploy/deploy.sh', () => {
  it('refuses a folder that is not a built site, and changes nothing', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    await expect(deploy(empty, target())).rejects.toThrow(
      /empty\/index\.html is missing: build the site first \(npm run build\)/,
    );
    expect(existsSync(target())).toBe(false);
  });

  it('deploys a first release and nginx serves it from current', async () => {
    const marker = join(work, 'reloaded');
    const output = await deploy(release('a'), target(), { RELOAD: `echo reload >> ${marker}` });
    expect(output).toMatch(/live: .*\/releases\//);
    expect(readlinkSync(current())).toMatch(/^releases\/\d{8}T\d{6}Z-\d+$/);
    // A first deployment brings a server configuration nginx has not read yet: reload.
    expect(readFileSync(marker, 'utf8')).toBe('reload\n');
    nginx = await startNginx(current());
    const res = await rawGet(`${nginx.origin}/release.txt`);
    expect(res.body.toString()).toBe('a');
  });

  it('switches to the second release atomically: always a complete release, never half of one', async () => {
    const marker = join(work, 'reloaded');
    const first = resolve(target(), readlinkSync(current()));
    const seen = new Set<string>();
    const problems: string[] = [];
    let deploying = true;
    const running = deploy(release('b'), target(), { RELOAD: `echo reload >> ${marker}` }).finally(
      () => (deploying = false),
    );
    // Watch the link and the site for as long as the deployment runs.
    while (deploying) {
      const link = readlinkSync(current());
      const dir = resolve(target(), link);
      const name = existsSync(join(dir, 'release.txt')) ? readFileSync(join(dir, 'release.txt'), 'utf8') : '';
      if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, '_nginx.conf')) || !['a', 'b'].includes(name))
        problems.push(`current -> ${link} is incomplete`);
      const res = await rawGet(`${nginx!.origin}/release.txt`);
      const page = await rawGet(`${nginx!.origin}/`);
      if (res.status !== 200 || page.status !== 200 || !page.body.toString().includes('</html>'))
        problems.push(`answered ${res.status}/${page.status}`);
      seen.add(res.body.toString());
    }
    await running;
    expect(problems).toEqual([]);
    // The live site answered from the first release while the second was copied.
    expect(seen.has('a')).toBe(true);
    expect([...seen].every((s) => s === 'a' || s === 'b')).toBe(true);
    expect((await rawGet(`${nginx!.origin}/release.txt`)).body.toString()).toBe('b');
    // The first release is kept for a rollback; both are in releases/.
    expect(existsSync(join(first, 'index.html'))).toBe(true);
    expect(readdirSync(join(target(), 'releases'))).toHaveLength(2);
    // The server configuration did not change: no second reload.
    expect(readFileSync(marker, 'utf8')).toBe('reload\n');
  });

  it("keeps the previous release's fingerprinted assets, for pages loaded just before the switch", async () => {
    for (const name of ['only-in-a.js', 'only-in-b.js']) {
      const res = await rawGet(`${nginx!.origin}/_astro/${name}`);
      expect(res.status, name).toBe(200);
    }
    // Other files of the old release are gone from the new one.
    expect(existsSync(join(current(), 'release.txt')) && readFileSync(join(current(), 'release.txt'), 'utf8')).toBe(
      'b',
    );
  });

  it('keeps only the newest KEEP releases', async () => {
    await deploy(release('c'), target(), { KEEP: '2', RELOAD: '' });
    const releases = readdirSync(join(target(), 'releases'));
    expect(releases).toHaveLength(2);
    expect(releases).toContain(readlinkSync(current()).replace('releases/', ''));
    expect((await rawGet(`${nginx!.origin}/release.txt`)).body.toString()).toBe('c');
  });
});
