/**
 * The content guard in the build (astro.config.mjs), so that `astro build` refuses unsafe content even
 * when `npm run check:content` was skipped:
 *
 * - before Astro reads any content (astro:config:setup): links under content/, public/ and
 *   src/assets/uploads/, uploads of a type, name or size that is not allowed, and content files the
 *   loader would skip or publish under another name (scan.ts);
 * - every .mdx file, before the MDX compiler sees it: its frontmatter (vite-plugin.ts).
 * The collections' loader (loader.ts, in src/content.config.ts) reads and checks each entry's data.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { refusal } from './refusal.ts';
import { scanProject } from './scan.ts';
import { frontmatterGuard } from './vite-plugin.ts';

export default function contentGuard(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'content-guard',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = scanProject(root, path.resolve(root, options.contentDir));
        if (problems.length) {
          const error = refusal(problems);
          // A dev server still starts (the editor is told at once); a build or sync stops.
          if (command === 'dev') logger.error(error.message);
          else throw error;
        }
        updateConfig({ vite: { plugins: [frontmatterGuard(root)] } });
      },
    },
  };
}
