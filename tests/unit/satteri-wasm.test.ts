/**
 * The CMS editor parses with Sätteri's WebAssembly build (admin/mdx/satteri-wasm.ts over the vendored wasm in
 * admin/vendor/), loaded here in Node through the same modules and resolve conditions as in the browser
 * (tests/helpers/satteri-wasm.ts). It must be the build's compiler: the same version as the installed `satteri`,
 * the registry's bytes, and exactly the native verdict (rule and line:column) on the guard's corpus and on
 * generated bodies.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardMdx as nativeGuardMdx } from '../../src/lib/mdx-guard/parse.ts';
import { checkMdx as nativeCheckMdx } from '../../admin/mdx/guard.ts';
import { corpus } from '../helpers/mdx-corpus.ts';
import { mdxBody } from '../helpers/mdx-differential.ts';
import { projectRoot } from '../helpers/paths.ts';
import { loadWasmGuard, type WasmGuard } from '../helpers/satteri-wasm.ts';

const vendorDir = join(projectRoot, 'admin/vendor');
const installed = JSON.parse(readFileSync(join(projectRoot, 'node_modules/satteri/package.json'), 'utf8')) as {
  version: string;
};
const record = JSON.parse(readFileSync(join(vendorDir, 'satteri-wasm.json'), 'utf8')) as {
  version: string;
  file: string;
  sha256: string;
};

describe('the vendored wasm', () => {
  it('is the version of the installed satteri, with the bytes recorded when it was taken from the registry', () => {
    expect(
      readdirSync(vendorDir).filter((f) => f.endsWith('.wasm')),
      'one wasm, named after its version',
    ).toEqual([`satteri-${installed.version}.wasm`]);
    expect(record.version, 'satteri was updated: run node scripts/vendor-satteri-wasm.ts').toBe(installed.version);
    expect(record.file).toBe(`satteri-${installed.version}.wasm`);
    expect(
      createHash('sha256')
        .update(readFileSync(join(vendorDir, record.file)))
        .digest('hex'),
    ).toBe(record.sha256);
  });

  it('the binding exports exactly the names satteri imports from the package', () => {
    // satteri's browser binding: `export { a, b, … } from "../browser.js"` (which re-exports the package).
    const browserBinding = readFileSync(join(projectRoot, 'node_modules/satteri/dist/binding.browser.js'), 'utf8');
    const imported = /export \{([^}]*)\} from "\.\.\/browser\.js"/
      .exec(browserBinding)![1]!
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const source = readFileSync(join(projectRoot, 'admin/mdx/satteri-wasm.ts'), 'utf8');
    const exported = [...source.matchAll(/^export const (\w+) = binding\.\1;$/gm)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(30);
    expect(exported.sort()).toEqual(imported.sort());
  });
});

describe('the CMS parse (wasm) and the build parse (native)', { timeout: 120_000 }, () => {
  let wasm: WasmGuard;
  beforeAll(async () => {
    wasm = await loadWasmGuard();
  }, 120_000);
  afterAll(() => wasm?.close());

  const codes = (findings: { violations: { code: string; at?: { line: number; column: number } }[] }) =>
    findings.violations.map((v) => `${v.code}@${v.at?.line}:${v.at?.column}`);

  it("loads the vendored wasm through satteri's browser binding, not the native one", () => {
    expect(wasm.fetched).toEqual([`/admin/vendor/satteri-${installed.version}.wasm`]);
    const modules = wasm.modules();
    expect(modules).toContain('admin/mdx/satteri-wasm.ts');
    expect(modules).toContain('node_modules/satteri/dist/binding.browser.js');
    expect(modules).not.toContain('node_modules/satteri/dist/binding.js');
  });

  it.each(corpus)('corpus: %s', (_, body, expected) => {
    expect(codes(wasm.guardMdx(body))).toEqual(expected);
    expect(codes(wasm.guardMdx(body))).toEqual(codes(nativeGuardMdx(body)));
    expect(wasm.checkMdx(body)).toEqual(nativeCheckMdx(body));
  });

  it('a footnote holding an expression gets the Dutch message at its place', () => {
    expect(wasm.checkMdx('Tekst[^1].\n\n[^1]: {1+1}\n')).toEqual([
      { line: 3, column: 7, message: expect.stringMatching(/accolades/) },
    ]);
  });

  it('20,000 nested > are refused as too deep, not a crash of the wasm', () => {
    const body = `${'>'.repeat(20_000)} x\n`;
    expect(codes(wasm.guardMdx(body))).toEqual(codes(nativeGuardMdx(body)));
    expect(wasm.guardMdx(body).violations.map((v) => v.code)).toEqual(['too-deep']);
  });

  it('400 generated bodies (the differential generator, fixed seed): the same rules at the same places', () => {
    let refused = 0;
    fc.assert(
      fc.property(mdxBody, (body) => {
        const native = codes(nativeGuardMdx(body));
        if (native.length) refused++;
        expect(codes(wasm.guardMdx(body)), body).toEqual(native);
      }),
      { seed: 20261203, numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(80);
    expect(refused).toBeLessThan(320);
  });
});
