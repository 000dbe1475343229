/**
 * The MDX content guard: the rules (rules.ts), run inside the build's MDX compilation (plugin.ts)
 * and on Sätteri's own parse for the content check and the CMS (parse.ts), and their wording for
 * editors in English (messages-en.ts, the build and the content check) and Dutch (messages-nl.ts,
 * the CMS).
 */
export * from './rules.ts';
export { guardMdx, parseMdx } from './parse.ts';
export { englishMessages, type EnglishMessage } from './messages-en.ts';
export { dutchMessages } from './messages-nl.ts';
