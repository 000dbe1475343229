/**
 * Stands between every .mdx (and .md) file and the MDX (Markdown) compiler (@astrojs/mdx's Vite plugin, which reads the
 * file's frontmatter itself in its `transform`). This plugin loads the file first (`load` runs before
 * any `transform`, whatever the plugin order), refuses it when its frontmatter breaks the content rules
 * (frontmatter.ts: mismatched delimiters, aliases, tags, prototype keys, `layout`), and otherwise hands
 * on the file with the frontmatter rewritten as the JSON of what this reader read. The compiler then
 * never sees a `layout` or a YAML feature this reader refused, and cannot read the fields differently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { compilerInput } from './frontmatter.ts';
import { refusal } from './refusal.ts';

export function frontmatterGuard(root: string): Plugin {
  return {
    name: 'content-guard:frontmatter',
    enforce: 'pre',
    load: {
      filter: { id: /\.(?:mdx|md|markdown)(?:\?.*)?$/ },
      handler(id) {
        const file = id.split('?')[0]!;
        if (!/\.(?:mdx|md|markdown)$/.test(file) || file.startsWith('\0')) return null;
        const read = compilerInput(readFileSync(file, 'utf8'));
        if (!('code' in read)) {
          const shown = path.relative(root, file).split(path.sep).join('/');
          throw refusal(read.problems.map((p) => ({ file: shown, ...p })));
        }
        return read.code;
      },
    },
  };
}
