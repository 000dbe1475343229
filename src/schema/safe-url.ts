/**
 * What a URL written by an editor may be, once, for every place a URL enters the site: frontmatter
 * fields, Markdown links, images and definitions, and the attributes of the allow-listed MDX
 * components. Pure TypeScript, no Node APIs: the build, the content check and the CMS all call it.
 *
 * A browser is lenient with what it reads as a scheme (`JaVa&#x09;ScRiPt:` runs), so the text is
 * decoded the way a browser would before it is judged: HTML character references decoded, ASCII tab
 * and newline removed anywhere, leading and trailing C0 controls and spaces trimmed, and the scheme
 * compared in lower case. Anything that cannot be classified is refused (fail closed).
 */
import { z } from 'astro/zod';

/** Hosts a <VideoEmbed url> may point at (https only). The one place this list is kept. */
export const VIDEO_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
  'vimeo.com',
  'player.vimeo.com',
] as const;

/** Schemes a link may use besides site-relative paths and #anchors. */
export const LINK_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  tab: '\t',
  newline: '\n',
  colon: ':',
  sol: '/',
  bsol: '\\',
  period: '.',
  lpar: '(',
  rpar: ')',
  num: '#',
  quest: '?',
  excl: '!',
  semi: ';',
  commat: '@',
};

/** Decodes HTML character references (`&#x09;`, `&#58;`, `&colon;`), with or without the closing `;`. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_REFERENCES[ref.toLowerCase()] ?? whole;
  });
}

/** The URL as a browser reads it: references decoded, tab/newline gone, controls and spaces trimmed. */
export function normaliseUrl(raw: string): string {
  return decodeCharacterReferences(raw)
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

export type UrlKind =
  | { kind: 'absolute'; scheme: string; host: string }
  | { kind: 'site-path' }
  | { kind: 'anchor' }
  | { kind: 'unsafe'; reason: string };

/** What kind of URL this is, after normalisation. */
export function classifyUrl(raw: string): UrlKind {
  const url = normaliseUrl(raw);
  if (url === '') return { kind: 'unsafe', reason: 'the address is empty' };
  // Browsers read "\" as "/" in http(s) URLs, so "/\evil.example" is another host.
  if (url.includes('\\')) return { kind: 'unsafe', reason: 'a backslash (\\) is not allowed in an address' };
  if (/[\u0000-\u001f\u007f]/.test(url)) return { kind: 'unsafe', reason: 'the address contains control characters' };
  if (url.startsWith('#')) return { kind: 'anchor' };
  if (url.startsWith('//'))
    return { kind: 'unsafe', reason: 'an address starting with // leaves the site; write it in full with https://' };
  if (url.startsWith('/')) return { kind: 'site-path' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) {
    return {
      kind: 'unsafe',
      reason:
        'a relative address is ambiguous; start a path on this site with / (e.g. /praktijken/) or write a full https:// address',
    };
  }
  const name = scheme[1]!.toLowerCase();
  let host = '';
  if (name === 'http' || name === 'https') {
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return { kind: 'unsafe', reason: 'the web address cannot be read' };
    }
    if (!host) return { kind: 'unsafe', reason: 'the web address has no host' };
  }
  return { kind: 'absolute', scheme: name, host };
}

/** Why a link target is refused, or undefined when it is safe. */
export function linkUrlProblem(raw: string): string | undefined {
  const c = classifyUrl(raw);
  if (c.kind === 'unsafe') return c.reason;
  if (c.kind === 'absolute' && !(LINK_SCHEMES as readonly string[]).includes(c.scheme)) {
    return `"${c.scheme}:" links are not allowed; use https://, http://, mailto:, tel:, a path on this site (/...) or #anchor`;
  }
  return undefined;
}

/** Why an image source is refused, or undefined when it is a file on this site. */
export function imageUrlProblem(raw: string): string | undefined {
  const c = classifyUrl(raw);
  if (c.kind === 'unsafe') return c.reason;
  if (c.kind !== 'site-path') return 'images must come from this site: upload the image and use its /uploads/... path';
  return undefined;
}

/** Why a video address is refused, or undefined when it is https on an allowed host. */
export function videoUrlProblem(raw: string): string | undefined {
  const c = classifyUrl(raw);
  if (c.kind === 'unsafe') return c.reason;
  if (c.kind !== 'absolute' || c.scheme !== 'https' || !(VIDEO_HOSTS as readonly string[]).includes(c.host)) {
    return `a video must be an https:// address on ${VIDEO_HOSTS.join(', ')}`;
  }
  return undefined;
}

const refineWith = (problem: (raw: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
  const reason = problem(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
};

/** A link: https/http/mailto/tel, a site path (/...) or #anchor. */
export const safeLinkUrl = () => z.string().trim().superRefine(refineWith(linkUrlProblem));
/** An image on this site (a /... path). */
export const siteImagePath = () => z.string().trim().superRefine(refineWith(imageUrlProblem));
/** A video page on an allowed host. */
export const videoUrl = () => z.string().trim().superRefine(refineWith(videoUrlProblem));
/** A full web address (https or http only): for frontmatter fields such as a website or registration link. */
export const webUrl = () =>
  z
    .string()
    .trim()
    .superRefine(
      refineWith((raw) => {
        const c = classifyUrl(raw);
        if (c.kind === 'unsafe') return c.reason;
        if (c.kind !== 'absolute' || (c.scheme !== 'https' && c.scheme !== 'http'))
          return 'must be a full web address starting with https:// (or http://)';
        return undefined;
      }),
    );
