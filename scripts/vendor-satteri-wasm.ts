/**
 * Vendors Sätteri's WebAssembly build for the CMS editor: admin/vendor/satteri-<version>.wasm and its record
 * admin/vendor/satteri-wasm.json.
 *
 *   node scripts/vendor-satteri-wasm.ts     (again after every update of `satteri`)
 *
 * Why vendored: the wasm is published as @bruits/satteri-wasm32-wasi, a platform package whose package.json says
 * `cpu: wasm32`, so npm refuses to install it on any real machine (EBADPLATFORM). The CMS needs exactly the
 * compiler the build runs (same Rust code, same version), so this script takes the package of the version of the
 * installed `satteri` from the registry with `npm pack`, checks the tarball against the registry's `dist.integrity`
 * and its package.json against the version, and copies the wasm out. tests/unit/satteri-wasm.test.ts fails when
 * the installed `satteri` and the vendored wasm differ in version or bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@bruits/satteri-wasm32-wasi';
/** The file in the package; the same file its own browser loader fetches. */
const WASM_IN_PACKAGE = 'package/satteri_napi.wasm32-wasi.wasm';
const root = fileURLToPath(new URL('..', import.meta.url));
const vendorDir = join(root, 'admin/vendor');

const npm = (...args: string[]) =>
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { encoding: 'utf8', cwd: root });
const version = (
  JSON.parse(readFileSync(join(root, 'node_modules/satteri/package.json'), 'utf8')) as { version: string }
).version;
const spec = `${PACKAGE}@${version}`;

const integrity = JSON.parse(npm('view', spec, 'dist.integrity', '--json')) as string;
const [algorithm, expected] = integrity.split('-', 2) as [string, string];
const work = mkdtempSync(join(tmpdir(), 'satteri-wasm-'));
try {
  const [packed] = JSON.parse(npm('pack', spec, '--json', '--pack-destination', work)) as { filename: string }[];
  const tarball = join(work, packed!.filename);
  const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
  if (actual !== expected)
    throw new Error(
      `${spec}: the tarball's ${algorithm} is ${actual}, the registry says ${expected}; nothing vendored`,
    );
  execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/package.json', WASM_IN_PACKAGE]);
  const manifest = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  if (manifest.name !== PACKAGE || manifest.version !== version)
    throw new Error(`${spec}: the tarball holds ${manifest.name}@${manifest.version}`);
  const wasm = readFileSync(join(work, WASM_IN_PACKAGE));
  for (const old of readdirSync(vendorDir).filter((name) => /^satteri-.*\.wasm$/.test(name)))
    rmSync(join(vendorDir, old));
  const file = `satteri-${version}.wasm`;
  writeFileSync(join(vendorDir, file), wasm);
  const record = {
    package: PACKAGE,
    version,
    integrity,
    file,
    sha256: createHash('sha256').update(wasm).digest('hex'),
    bytes: wasm.length,
  };
  writeFileSync(join(vendorDir, 'satteri-wasm.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(
    `vendored ${spec} (${integrity.slice(0, 20)}…, checked) as admin/vendor/${file}, ${(wasm.length / 1e6).toFixed(1)} MB`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
