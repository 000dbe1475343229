/**
 * The Markdown features the site's MDX is compiled with: GFM (footnotes, tables, task lists,
 * autolinks, strikethrough) and smart punctuation, Astro's defaults, written out once. The build's
 * processor (astro.config.mjs) and the content check and CMS (parse.ts) all read this object, so
 * the guard always judges the tree the build compiles.
 */
import type { Features } from 'satteri';

export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const satisfies Features;
