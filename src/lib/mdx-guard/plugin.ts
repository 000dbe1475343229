/**
 * The content guard inside the build: a Sätteri mdast plugin, registered on the MDX processor that
 * compiles the site (astro.config.mjs). It judges the tree Sätteri parsed, before any other plugin
 * runs and before anything is turned into code, with the same rules as the content check and the
 * CMS (rules.ts). A body that breaks a rule stops the compilation: the error names the file, each
 * problem's line:column and its fix, and nothing of the file is compiled or evaluated.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { englishMessages } from './messages-en.ts';
import { guardTree, renderViolation, sizeViolation, type MdNode, type Violation } from './rules.ts';

/** Thrown to stop the build; `line`/`column` are where Astro's error overlay and log point. */
export class ContentGuardError extends Error {
  line?: number;
  column?: number;
  constructor(file: string, violations: Violation[]) {
    const count = violations.length === 1 ? '1 problem' : `${violations.length} problems`;
    const lines = violations.map((v) => {
      const { message, hint } = renderViolation(englishMessages, v);
      return `${file}:${v.at ? `${v.at.line}:${v.at.column}` : '1:1'}  ${message}\n  Fix: ${hint}`;
    });
    super(`Content guard: ${file} is refused (${count}; nothing of it was compiled)\n${lines.join('\n')}`);
    this.name = 'ContentGuardError';
    this.line = violations[0]?.at?.line;
    this.column = violations[0]?.at?.column;
  }
}

function fileName(url: URL | undefined): string {
  if (!url) return '(MDX text)';
  const file = fileURLToPath(url);
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

/** The plugin, as a factory: the size rule is judged on the unparsed text, before Sätteri parses it. */
export function contentGuard(ctx: PluginFactoryContext): MdastPluginDefinition {
  const tooLarge = sizeViolation(ctx.source);
  if (tooLarge) throw new ContentGuardError(fileName(ctx.fileURL), [tooLarge]);
  return {
    name: 'samen-hier-content-guard',
    options: { position: true },
    before(root, context) {
      const { violations } = guardTree(root as unknown as MdNode, context.source);
      if (violations.length) throw new ContentGuardError(fileName(context.fileURL), violations);
    },
  };
}
