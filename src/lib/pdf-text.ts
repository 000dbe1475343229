/**
 * Text of uploaded PDF materials, extracted at build time with unpdf (PDF.js), so that a material's
 * page carries the words of its slides and search finds the deck by a phrase from a slide.
 *
 * A PDF that cannot be read (corrupt, password-protected, not a PDF) never fails the build: it gives a
 * WARNING naming the file and the reason, and the page is built without the document text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { resolveUpload } from '../integrations/content-guard/files.ts';
import { UPLOAD_FOLDERS } from '../schema/uploads.ts';

export interface PdfText {
  /** Text per page, whitespace normalised; empty pages left out of `text` but counted in `pages`. */
  pages: string[];
}

export type PdfTextResult = { ok: true; text: PdfText } | { ok: false; file: string; reason: string };

/** Why PDF.js refused a file, in words an editor understands. */
export function describePdfError(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: number };
  const name = e?.name ?? '';
  const message = e?.message ?? String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return `the PDF is password-protected or encrypted (${name || 'error'}: ${message}); upload a version without a password`;
  }
  if (name === 'InvalidPDFException' || /invalid pdf|invalid xref|no pdf header|bad xref/i.test(message)) {
    return `the file is not a valid PDF or is damaged (${name || 'error'}: ${message}); export it again as PDF and upload it again`;
  }
  return `the PDF could not be read (${name || 'error'}: ${message})`;
}

function normalise(text: string): string {
  return text
    .replace(/\u0000/g, '')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Extract the text of a PDF file on disk. Never throws for a bad PDF: it returns `ok: false` and
 * logs a warning (console.warn) naming the file and the reason.
 */
export async function extractPdfText(
  file: string,
  warn: (message: string) => void = (message) => console.warn(`\n${message}`),
): Promise<PdfTextResult> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = `the file could not be read (${(error as Error).message})`;
    warn(`WARNING [pdf-text] ${file}: ${reason}. The material page is built without the document text.`);
    return { ok: false, file, reason };
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // PDF.js needs its own copy: it may transfer (detach) the buffer.
    pdf = await getDocumentProxy(data.slice(), { verbosity: 0, isEvalSupported: false } as never);
    const { text } = await extractText(pdf, { mergePages: false });
    return { ok: true, text: { pages: text.map(normalise) } };
  } catch (error) {
    const reason = describePdfError(error);
    warn(`WARNING [pdf-text] ${file}: ${reason}. The material page is built without the document text.`);
    return { ok: false, file, reason };
  } finally {
    await pdf?.loadingTask.destroy().catch(() => undefined);
  }
}

const cache = new Map<string, Promise<PdfTextResult>>();

/**
 * Text of an uploaded material file ("/uploads/slides.pdf" in public/uploads/), once per build: both
 * language versions of a material page share the result (and the warning is printed once).
 * Returns undefined for files that are not PDFs. Never reads outside public/uploads/: the path is
 * resolved (`..` and links) by the content guard first, and a path that leaves the folder throws.
 */
export function uploadedPdfText(publicPath: string, root = process.cwd()): Promise<PdfTextResult> | undefined {
  if (!/\.pdf$/i.test(publicPath)) return undefined;
  const resolved = resolveUpload(publicPath, root);
  if (!resolved.ok && !resolved.missing)
    throw new Error(`Material file ${publicPath}: ${resolved.problem}. Fix: ${resolved.hint}.`);
  const file = resolved.ok
    ? resolved.abs
    : join(root, UPLOAD_FOLDERS.public.dir, publicPath.slice(UPLOAD_FOLDERS.public.urlPath.length));
  let pending = cache.get(file);
  if (!pending) {
    pending = extractPdfText(file);
    cache.set(file, pending);
  }
  return pending;
}
