/**
 * The MDX content guard in the build's content check: every MDX body parsed by Sätteri as the build
 * parses it and judged by the rules the build runs inside its compiler (src/lib/mdx-guard/, shared
 * with the CMS), so the check reports every problem of every file at once where the build would stop
 * at the first. Each violation in English with its line and column in the file, and the allowed
 * components found, for the reference check (references.ts).
 */
import { englishMessages, guardMdx, renderViolation, type Point } from '../mdx-guard/index.ts';
import type { ComponentUse } from './references.ts';
import type { ContentError, ContentFile, LoadedContent } from './types.ts';

export interface GuardResult {
  errors: ContentError[];
  /** Uses of allowed components (for the reference check of e.g. MaterialLink ids). */
  components: ComponentUse[];
}

/** Body position → file position. */
function toFile(entry: ContentFile, point: Point | undefined): { line?: number; column?: number } {
  if (!point) return {};
  const bodyLine = entry.bodyLine ?? 1;
  const bodyColumn = entry.bodyColumn ?? 1;
  return {
    line: bodyLine + point.line - 1,
    column: point.line === 1 ? bodyColumn + point.column - 1 : point.column,
  };
}

export function guardEntry(entry: ContentFile): GuardResult {
  if (entry.format !== 'mdx' || entry.body === undefined) return { errors: [], components: [] };
  const { violations, components } = guardMdx(entry.body);
  return {
    errors: violations.map((v) => ({
      check: 'guard',
      file: entry.file,
      ...toFile(entry, v.at),
      ...renderViolation(englishMessages, v),
    })),
    components: components.map((c) => {
      const pos = toFile(entry, c.at);
      return { entry, name: c.name, attributes: c.attributes, line: pos.line ?? 1, column: pos.column ?? 1 };
    }),
  };
}

export function guardContent(loaded: LoadedContent): GuardResult {
  const errors: ContentError[] = [];
  const components: ComponentUse[] = [];
  for (const entry of loaded.entries) {
    const r = guardEntry(entry);
    errors.push(...r.errors);
    components.push(...r.components);
  }
  return { errors, components };
}
