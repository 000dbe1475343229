/** Every page carries one Content-Security-Policy that allows only its own scripts (by hash) and this site. */
import { expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { allHtmlFiles, filePathToSitePath } from '../helpers/html.ts';

function policyOf(html: string): Map<string, string[]> | undefined {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  if (metas.length !== 1) throw new Error(`${metas.length} CSP <meta> elements`);
  return new Map(
    metas[0]![1]!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );
}

it('every page has exactly one CSP; scripts only from this site or by hash, never unsafe-inline', () => {
  const problems: string[] = [];
  const files = allHtmlFiles();
  expect(files.some((f) => f.includes('/admin/'))).toBe(true);
  for (const file of files) {
    const page = { path: filePathToSitePath(file) };
    const html = readFileSync(file, 'utf8');
    let policy: Map<string, string[]> | undefined;
    try {
      policy = policyOf(html);
    } catch (error) {
      problems.push(`${page.path}: ${(error as Error).message}`);
      continue;
    }
    const script = policy!.get('script-src') ?? [];
    if (script.includes("'unsafe-inline'")) problems.push(`${page.path}: script-src allows unsafe-inline`);
    if (policy!.get('default-src')?.join(' ') !== "'self'") problems.push(`${page.path}: default-src is not 'self'`);
    if (policy!.get('object-src')?.join(' ') !== "'none'") problems.push(`${page.path}: object-src is not 'none'`);
    if (!page.path.startsWith('/admin/') && script.includes("'unsafe-eval'"))
      problems.push(`${page.path}: unsafe-eval outside /admin/`);
    // Every inline script that is code has its hash in the policy.
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/(?:^|\s)src=/.test(m[1]!) || /type="application\/(ld\+)?json"/.test(m[1]!)) continue;
      const hash = `'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`;
      if (!script.includes(hash)) problems.push(`${page.path}: inline script without its hash in script-src`);
    }
  }
  expect(problems).toEqual([]);
});
