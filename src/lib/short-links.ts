/**
 * Short links (/m/<code>/) and their QR codes, for sessions and materials.
 *
 * A code is either the editor's own readable `short` field, or derived from the item's stable identity
 * (event slug + session id, or material slug): the first 25 bits of a SHA-256, written as 5 characters
 * of lowercase Crockford base32 (no i, l, o, u, so nothing to confuse when typing it from a slide).
 * The same identity always gives the same code, independent of order, language or other content, so a
 * printed QR code keeps working. Codes are checked for collisions at build: a collision fails the build
 * with both items named (the fix is an own `short` code on one of them).
 *
 * Pure TypeScript (no astro:content), so unit tests import it.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { SITE_URL } from '../site.config.ts';

export const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const DERIVED_CODE_LENGTH = 5;

export type ShortTarget =
  | { kind: 'session'; eventSlug: string; sessionId: string; short?: string | undefined }
  | { kind: 'material'; slug: string; short?: string | undefined };

/** The stable identity of a target: what a derived code is computed from. */
export function identityOf(target: ShortTarget): string {
  return target.kind === 'session' ? `session:${target.eventSlug}/${target.sessionId}` : `material:${target.slug}`;
}

/** Human description of a target for error messages. */
export function describeTarget(target: ShortTarget): string {
  return target.kind === 'session'
    ? `session "${target.sessionId}" of event "${target.eventSlug}" (content/events/*/${target.eventSlug}.mdx)`
    : `material "${target.slug}" (content/materials/${target.slug}.yaml)`;
}

/** 5 characters of Crockford base32 from SHA-256 of the identity. */
export function derivedCode(identity: string): string {
  const digest = createHash('sha256').update(identity, 'utf8').digest();
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(digest[i]!);
  let code = '';
  for (let i = 0; i < DERIVED_CODE_LENGTH; i++) {
    code += CODE_ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  }
  return code;
}

/** The code of one target: its own `short` if set, else the derived code. */
export function codeOf(target: ShortTarget): string {
  return target.short ?? derivedCode(identityOf(target));
}

export class ShortCodeCollisionError extends Error {}

/**
 * Codes for all targets, keyed by identity. Throws when two targets share a code (including an own
 * `short` that equals another item's derived code) or when the same identity is listed twice with
 * different codes.
 */
export function assignShortCodes(targets: readonly ShortTarget[]): Map<string, { code: string; target: ShortTarget }> {
  const byCode = new Map<string, ShortTarget>();
  const byIdentity = new Map<string, { code: string; target: ShortTarget }>();
  const problems: string[] = [];
  for (const target of targets) {
    const identity = identityOf(target);
    const code = codeOf(target);
    const known = byIdentity.get(identity);
    if (known) {
      if (known.code !== code)
        problems.push(
          `${describeTarget(target)} has two different short codes, "${known.code}" and "${code}": give the Dutch and English version the same "short" value`,
        );
      continue;
    }
    const clash = byCode.get(code);
    if (clash) {
      problems.push(
        `short link /m/${code}/ is claimed by both ${describeTarget(clash)} and ${describeTarget(target)}: give one of them its own unique "short" code`,
      );
      continue;
    }
    byCode.set(code, target);
    byIdentity.set(identity, { code, target });
  }
  if (problems.length) throw new ShortCodeCollisionError(`Short link collision:\n  ${problems.join('\n  ')}`);
  return byIdentity;
}

/** Site path of a short link. */
export function shortPath(code: string): string {
  return `/m/${code}/`;
}

/** Site path of a short link's QR code (an SVG file, for presenters to put on a slide). */
export function qrPath(code: string): string {
  return `${shortPath(code)}qr.svg`;
}

/** Absolute short URL: what the QR code encodes. */
export function shortUrl(code: string, site: string = SITE_URL): string {
  return `${site.replace(/\/$/, '')}${shortPath(code)}`;
}

/** The short URL as shown in print: without "https://" and the trailing slash, easy to type. */
export function displayShortUrl(code: string, site: string = SITE_URL): string {
  return shortUrl(code, site)
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '');
}

const qrCodes = new Map<string, Promise<string>>();

/** QR code of a URL as an SVG string (error correction M, the standard 4-module quiet zone). */
export async function qrSvg(text: string, options: { label?: string } = {}): Promise<string> {
  // Once per address: a session's code appears on its QR file and on four room cards (A4, A5, two languages).
  if (!qrCodes.has(text))
    qrCodes.set(
      text,
      QRCode.toString(text, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
        color: { dark: '#000000', light: '#ffffff' },
      }),
    );
  const svg = await qrCodes.get(text)!;
  const label = options.label ?? text;
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" focusable="false" `);
}
