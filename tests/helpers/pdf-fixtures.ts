/**
 * PDFs the tests make themselves: a readable one with a known phrase (pdf-lib), a damaged one, and a
 * password-protected one. pdf-lib cannot encrypt, so the protected PDF is written by hand: a minimal
 * one-page PDF whose trailer points at a Standard security handler /Encrypt dictionary (RC4 40-bit,
 * V1 R2) with /O and /U values that match no password. PDF.js then asks for a password
 * (PasswordException), exactly as for a real protected file.
 */
import pdfLib from 'pdf-lib';

const { PDFDocument, StandardFonts } = pdfLib;

/** A one-page A4 PDF with the given lines of text. */
export async function textPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 24, size: 14, font }));
  return doc.save({ useObjectStreams: false });
}

/** Bytes that start like a PDF but have no valid structure. */
export function damagedPdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis file was cut off halfway');
}

/** A minimal PDF with an /Encrypt dictionary whose passwords are unknown: "password-protected". */
export function passwordProtectedPdf(): Uint8Array {
  const hex = (byte: number) => byte.toString(16).padStart(2, '0');
  const filler = (seed: number) => Array.from({ length: 32 }, (_, i) => hex((seed * 31 + i * 17) % 256)).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${filler(7)}> /U <${filler(11)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${filler(3)}> <${filler(3)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
