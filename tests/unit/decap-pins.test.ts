/**
 * The CMS is built from single decap-cms-* packages (admin/cms.ts), not from the decap-cms-app bundle. decap-cms-app
 * stays in package.json only as the record of a set of those packages released together: every decap-cms-* pin here
 * must equal the version decap-cms-app's own package.json asks for, so an upgrade is "bump decap-cms-app, then make
 * this test pass".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers/paths.ts';

const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
const own = readJson(join(projectRoot, 'package.json'));
const app = readJson(join(projectRoot, 'node_modules', 'decap-cms-app', 'package.json'));
const pins = Object.entries({ ...own.dependencies, ...own.devDependencies }).filter(
  ([name]) => name.startsWith('decap-cms-') && name !== 'decap-cms-app',
);

describe('decap-cms-* pins', () => {
  it('installs the decap-cms-app version package.json pins', () => {
    expect(app.version).toBe({ ...own.dependencies, ...own.devDependencies }['decap-cms-app']);
  });

  it('pins the CMS packages the admin uses, exactly', () => {
    expect(pins.map(([name]) => name)).toEqual(
      expect.arrayContaining(['decap-cms-core', 'decap-cms-backend-github', 'decap-cms-locales']),
    );
    for (const [name, version] of pins) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(pins)('%s is pinned to the version decap-cms-app depends on', (name, version) => {
    expect(app.dependencies?.[name], `decap-cms-app ${app.version} does not depend on ${name}`).toBeDefined();
    expect(version).toBe(app.dependencies![name]);
  });
});
