/**
 * The MDX content guard: the rules (rules.ts) and their wording for editors in English
 * (messages-en.ts, the build's content check) and Dutch (messages-nl.ts, the CMS).
 */
export * from './rules.ts';
export { englishMessages, type EnglishMessage } from './messages-en.ts';
export { dutchMessages } from './messages-nl.ts';
