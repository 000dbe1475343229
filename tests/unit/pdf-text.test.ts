/** Text extraction from PDFs the test makes itself; broken PDFs warn with the file name and never throw. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdfText, uploadedPdfText } from '../../src/lib/pdf-text.ts';
import { damagedPdf, passwordProtectedPdf, textPdf } from '../helpers/pdf-fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  writeFileSync(
    join(dir, 'slides.pdf'),
    await textPdf(['Workshop slides', 'Het kwartelnest van de buurtgroep', 'A second line of text']),
  );
  writeFileSync(join(dir, 'damaged.pdf'), damagedPdf());
  writeFileSync(join(dir, 'protected.pdf'), passwordProtectedPdf());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extractPdfText', () => {
  it('finds a phrase from a generated PDF', async () => {
    const warn = vi.fn();
    const result = await extractPdfText(join(dir, 'slides.pdf'), warn);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.text.pages).toHaveLength(1);
      expect(result.text.pages[0]).toContain('Het kwartelnest van de buurtgroep');
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns about a damaged PDF, naming the file, without throwing', async () => {
    const warn = vi.fn();
    const file = join(dir, 'damaged.pdf');
    const result = await extractPdfText(file, warn);
    expect(result).toMatchObject({ ok: false, file });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^WARNING/);
    expect(warn.mock.calls[0]![0]).toContain(file);
    expect(warn.mock.calls[0]![0]).toMatch(/not a valid PDF or is damaged/);
  });

  it('warns about a password-protected PDF, naming the file, without throwing', async () => {
    const warn = vi.fn();
    const file = join(dir, 'protected.pdf');
    const result = await extractPdfText(file, warn);
    expect(result).toMatchObject({ ok: false, file });
    expect(warn.mock.calls[0]![0]).toContain(file);
    expect(warn.mock.calls[0]![0]).toMatch(/password-protected/);
  });

  it('warns about a missing file', async () => {
    const warn = vi.fn();
    expect((await extractPdfText(join(dir, 'missing.pdf'), warn)).ok).toBe(false);
    expect(warn.mock.calls[0]![0]).toContain('missing.pdf');
  });

  it('uses console.warn by default', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await extractPdfText(join(dir, 'damaged.pdf'));
    expect(spy.mock.calls[0]![0]).toContain('damaged.pdf');
    spy.mockRestore();
  });
});

describe('uploadedPdfText', () => {
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pdf-root-'));
    mkdirSync(join(root, 'public', 'uploads'), { recursive: true });
    writeFileSync(join(root, 'public', 'uploads', 'slides.pdf'), await textPdf(['Workshop slides']));
    // A PDF outside public/uploads/ whose text must never reach a page.
    writeFileSync(join(root, 'secret.pdf'), await textPdf(['Geheime tekst buiten de uploads']));
    symlinkSync(join(root, 'secret.pdf'), join(root, 'public', 'uploads', 'link.pdf'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a public path once per build and skips other formats', async () => {
    const first = uploadedPdfText('/uploads/slides.pdf', root);
    expect(uploadedPdfText('/uploads/slides.pdf', root)).toBe(first);
    expect((await first!).ok).toBe(true);
    expect(uploadedPdfText('/uploads/handout.docx', root)).toBeUndefined();
  });

  it('never reads outside public/uploads/: a path with .. and a link to a file outside are refused', () => {
    expect(() => uploadedPdfText('/uploads/../../secret.pdf', root)).toThrow(
      'Material file /uploads/../../secret.pdf: "/uploads/../../secret.pdf" is not a file in /uploads/. Fix: choose an uploaded file, written as /uploads/name.pdf (no folders, no "..").',
    );
    expect(() => uploadedPdfText('/uploads/link.pdf', root)).toThrow(
      'Material file /uploads/link.pdf: "/uploads/link.pdf" is a link to a file outside public/uploads/. Fix: replace the link by a copy of the file itself.',
    );
  });
});
