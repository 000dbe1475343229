/**
 * Time from a changed content file to a rebuilt site, as an editor's save goes: the starter content is copied to a
 * temporary folder (the project's own content is never touched), built once to warm the caches (Astro's content
 * store, the CMS bundle), then one practice gets a new sentence and `npm run build` (content check, build, search
 * index) runs again.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type Measured } from './measure.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function changedFileRebuild(): Promise<{ first: Measured; again: Measured; changed: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rebuild-'));
  try {
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    const env = {
      CONTENT_DIR: join(dir, 'content'),
      ASTRO_OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    };
    const first = await measure('npm', ['run', 'build'], { cwd: root, env });
    const practice = readdirSync(join(dir, 'content/practices/nl')).find((name) => name.endsWith('.mdx'))!;
    const changed = join('content/practices/nl', practice);
    appendFileSync(join(dir, changed), '\nEen zin die de redactie net heeft toegevoegd.\n');
    const again = await measure('npm', ['run', 'build'], { cwd: root, env });
    return { first, again, changed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
