/** Short-link codes: stable, short, collision-checked; QR codes decode to the short URL. */
import { describe, expect, it, vi } from 'vitest';
import QRCode from 'qrcode';
import {
  assignShortCodes,
  CODE_ALPHABET,
  codeOf,
  derivedCode,
  displayShortUrl,
  identityOf,
  qrPath,
  qrSvg,
  shortUrl,
  ShortCodeCollisionError,
  type ShortTarget,
} from '../../src/lib/short-links.ts';
import { sessionSchema } from '../../src/schema/events.ts';
import { materialSchema } from '../../src/schema/materials.ts';
import { decodeQrSvg } from '../helpers/qr-decode.ts';

const session = (eventSlug: string, sessionId: string, short?: string): ShortTarget => ({
  kind: 'session',
  eventSlug,
  sessionId,
  short,
});
const material = (slug: string, short?: string): ShortTarget => ({ kind: 'material', slug, short });

describe('derived codes', () => {
  it('are 5 characters of an unambiguous alphabet (no i, l, o, u)', () => {
    for (const id of ['a', 'session:x/y', 'material:voorbeeld-handout-workshop']) {
      expect(derivedCode(id)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}$`));
    }
    expect(CODE_ALPHABET).not.toMatch(/[ilou]/);
  });

  it('never change for the same identity (printed QR codes keep working)', () => {
    // Pinned values: if these change, every printed room card breaks.
    expect(derivedCode('session:congres-van-migratie-tot-participatie-2024/workshop-samen-hier')).toBe('zhg8n');
    expect(derivedCode('material:example-slides-workshop')).toBe('2ppb0');
    expect(codeOf(session('congres-van-migratie-tot-participatie-2024', 'workshop-samen-hier'))).toBe('zhg8n');
  });

  it('depend only on the identity, not on order or other items', () => {
    const targets = [session('e1', 's1'), session('e1', 's2'), material('m1')];
    const forward = assignShortCodes(targets);
    const backward = assignShortCodes([...targets].reverse().concat(session('e2', 's9')));
    for (const t of targets) expect(backward.get(identityOf(t))!.code).toBe(forward.get(identityOf(t))!.code);
  });

  it('differ for a session and a material of the same name, and between events', () => {
    expect(codeOf(session('e', 'x'))).not.toBe(codeOf(material('x')));
    expect(codeOf(session('e1', 'opening'))).not.toBe(codeOf(session('e2', 'opening')));
  });
});

describe('collision check', () => {
  it('uses an own short code when given', () => {
    expect(assignShortCodes([session('e', 's', 'samenhier')]).get('session:e/s')!.code).toBe('samenhier');
  });

  it('fails with both items named when two own codes clash', () => {
    expect(() => assignShortCodes([session('e', 's', 'samenhier'), material('slides', 'samenhier')])).toThrow(
      ShortCodeCollisionError,
    );
    try {
      assignShortCodes([session('e', 's', 'samenhier'), material('slides', 'samenhier')]);
    } catch (error) {
      expect(String(error)).toMatch(/\/m\/samenhier\/.*session "s" of event "e".*material "slides"/s);
    }
  });

  it("fails when an own code equals another item's derived code", () => {
    const taken = derivedCode('material:handout');
    expect(() => assignShortCodes([material('handout'), session('e', 's', taken)])).toThrow(/claimed by both/);
  });

  it('accepts the same session from both language versions, but not with two different codes', () => {
    expect(assignShortCodes([session('e', 's'), session('e', 's')]).size).toBe(1);
    expect(() => assignShortCodes([session('e', 's', 'een'), session('e', 's', 'twee')])).toThrow(
      /two different short codes/,
    );
  });
});

describe('the optional short field', () => {
  const base = { id: 'opening', title: 'Opening', start: '2025-01-15T10:00', end: '2025-01-15T10:30' };
  it('accepts readable codes and rejects others with a fix', () => {
    expect(sessionSchema.safeParse({ ...base, short: 'samenhier-2025' }).success).toBe(true);
    expect(sessionSchema.safeParse({ ...base, short: 'Samen Hier' }).success).toBe(false);
    expect(sessionSchema.safeParse({ ...base, short: 'x'.repeat(25) }).success).toBe(false);
    const m = {
      title: 'Slides',
      description: 'Slides of the workshop.',
      type: 'slides',
      language: 'en',
      file: '/uploads/a.pdf',
      date: '2024-05-16',
    };
    expect(materialSchema().safeParse({ ...m, short: 'slides' }).success).toBe(true);
    expect(materialSchema().safeParse({ ...m, short: '-x' }).success).toBe(false);
  });
});

describe('short URLs and QR codes', () => {
  it('are absolute and typeable', () => {
    expect(shortUrl('zhg8n', 'https://example.org')).toBe('https://example.org/m/zhg8n/');
    expect(displayShortUrl('zhg8n', 'https://example.org/')).toBe('example.org/m/zhg8n');
  });

  it('QR SVG decodes to the short URL and is labelled', async () => {
    const url = shortUrl('zhg8n', 'https://kennisplatform.example.org');
    const svg = await qrSvg(url, { label: 'QR code' });
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code"/);
    expect(await decodeQrSvg(svg)).toBe(url);
  });

  it('has its QR code at /m/<code>/qr.svg', () => {
    expect(qrPath('zhg8n')).toBe('/m/zhg8n/qr.svg');
  });

  it('makes each QR code once, however often and with whatever label a page asks for it', async () => {
    // A session's code is on its QR file and on four room cards (A4, A5, two languages): five requests, one code.
    const toString = vi.spyOn(QRCode, 'toString');
    try {
      const session = 'https://kennisplatform.example.org/m/q7rst/';
      const material = 'https://kennisplatform.example.org/m/q7rsv/';
      const svgs = await Promise.all([
        qrSvg(session),
        qrSvg(session, { label: 'Zaalkaart A4' }),
        qrSvg(session, { label: 'Zaalkaart A5' }),
        qrSvg(session, { label: 'Room card A4' }),
        qrSvg(session, { label: 'Room card A5' }),
        qrSvg(material),
        qrSvg(material, { label: 'QR code' }),
      ]);
      expect(toString).toHaveBeenCalledTimes(2);
      expect(toString.mock.calls.map((call) => call[0])).toEqual([session, material]);
      expect(svgs[1]).toMatch(/^<svg role="img" aria-label="Zaalkaart A4"/);
      expect(svgs[6]).toMatch(/^<svg role="img" aria-label="QR code"/);
      expect(await decodeQrSvg(svgs[4]!)).toBe(session);
    } finally {
      toString.mockRestore();
    }
  });
});
