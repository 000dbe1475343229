import { describe, expect, it, afterEach } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { contentHealth, formatHealth } from '../../src/lib/health.ts';
import { projectRoot } from '../helpers/paths.ts';

const valid = join(projectRoot, 'tests/fixtures/valid');
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function copyValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'health-'));
  dirs.push(dir);
  cpSync(valid, dir, { recursive: true });
  return dir;
}

describe('content health report', () => {
  it('lists stale entries, missing English, old figures, materials without file, past events without materials', () => {
    const dir = copyValid();
    const c = join(dir, 'content');
    // A past event without any materials.
    const eventFile = join(c, 'events/nl/startbijeenkomst.mdx');
    writeFileSync(
      eventFile,
      readFileSync(eventFile, 'utf8')
        .replace(/\n      - handout\n      - presentatie/, '')
        .replace(/\nmaterials:\n  - handout/, ''),
    );
    // A material that is only a link.
    writeFileSync(
      join(c, 'materials/link-only.yaml'),
      'title: Alleen een link\ndescription: Een materiaal met alleen een externe link.\ntype: link\nlanguage: nl\nurl: https://example.org/\ndate: 2024-01-01\n',
    );
    const today = new Date('2026-11-29T12:00:00Z');
    const items = contentHealth({ root: dir, today });
    const reasons = (r: string) => items.filter((i) => i.reason === r).map((i) => i.file);

    expect(reasons('event-without-materials')).toEqual(['content/events/nl/startbijeenkomst.mdx']);
    // The fixture's presentatie.yaml is a link too.
    expect(reasons('material-without-file').sort()).toEqual([
      'content/materials/link-only.yaml',
      'content/materials/presentatie.yaml',
    ]);
    expect(reasons('material-without-file')).not.toContain('content/materials/handout.yaml');
    // The fixture's cases, events and news have no English version.
    expect(reasons('missing-english')).toEqual(
      expect.arrayContaining(['content/cases/nl/gouda.mdx', 'content/news/nl/eerste-bericht.mdx']),
    );
    expect(reasons('missing-english')).not.toContain('content/practices/nl/goede-start.mdx');
    // Published in 2024 and never updated: stale by 2026.
    expect(reasons('stale').length).toBeGreaterThan(0);
    expect(formatHealth(items)).toMatch(/Past event without materials \(1\)/);
  });

  it('reports nothing stale when "today" is close to the content dates', () => {
    const items = contentHealth({ root: copyValid(), today: new Date('2024-06-01T00:00:00Z') });
    expect(items.filter((i) => i.reason === 'stale' || i.reason === 'figure-unchecked')).toEqual([]);
  });

  it('flags a figure checked more than 12 months ago', () => {
    const dir = copyValid();
    const caseFile = join(dir, 'content/cases/nl/gouda.mdx');
    expect(readFileSync(caseFile, 'utf8')).toMatch(/checked:/);
    const items = contentHealth({ root: dir, today: new Date('2030-01-01T00:00:00Z') });
    expect(items.some((i) => i.reason === 'figure-unchecked' && i.file === 'content/cases/nl/gouda.mdx')).toBe(true);
  });

  it('runs as npm run report', () => {
    const out = execFileSync('node', ['scripts/report.ts', '--root', valid], { cwd: projectRoot, encoding: 'utf8' });
    expect(out).toMatch(/^Content health: \d+ items? need attention\./);
  });
});
