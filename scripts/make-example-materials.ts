/**
 * Makes the two example materials of the starter content:
 *   public/uploads/voorbeeld-handout-workshop.pdf  (Dutch handout, one A4 page)
 *   public/uploads/example-slides-workshop.pdf     (English slides, two A4 landscape pages)
 *
 * The real slides and handouts of the Justice & Peace workshop at the congress
 * "Van Migratie tot Participatie" (16 May 2024) are not public, so the materials library starts
 * with these clearly marked examples (see content/materials/*.yaml, `example: true`). Their text
 * only repeats the workshop conclusions as published by Justice & Peace.
 *
 * Run: node scripts/make-example-materials.ts
 * The output is deterministic (fixed dates, no random ids), so re-running gives identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'uploads');

/** A4 in PDF points. */
const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [A4[1], A4[0]];

const FIXED_DATE = new Date('2026-11-29T00:00:00Z');
const EXAMPLE_NOTICE = 'Voorbeeld / Example — dit is geen echt workshopmateriaal';

const ink = rgb(0.1, 0.1, 0.12);
const accent = rgb(0.62, 0.12, 0.12);
const muted = rgb(0.35, 0.35, 0.38);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Splits text into lines that fit maxWidth at the given size. */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= maxWidth || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws wrapped text from the top-left point; returns the y below the last line. */
function paragraph(
  page: PDFPage,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  font: PDFFont,
  size: number,
  color = ink,
): number {
  const leading = size * 1.35;
  for (const line of wrap(text, font, size, maxWidth)) {
    page.drawText(line, { x, y, size, font, color });
    y -= leading;
  }
  return y;
}

/** A bulleted list; returns the y below it. */
function bullets(
  page: PDFPage,
  items: string[],
  x: number,
  y: number,
  maxWidth: number,
  fonts: Fonts,
  size: number,
): number {
  for (const item of items) {
    page.drawText('•', { x, y, size, font: fonts.regular, color: accent });
    y = paragraph(page, item, x + size, y, maxWidth - size, fonts.regular, size) - size * 0.5;
  }
  return y;
}

/** The example banner at the top of every page. */
function banner(page: PDFPage, fonts: Fonts, margin: number): number {
  const { width, height } = page.getSize();
  const bandHeight = 30;
  page.drawRectangle({ x: 0, y: height - bandHeight, width, height: bandHeight, color: accent });
  page.drawText(EXAMPLE_NOTICE, {
    x: margin,
    y: height - bandHeight + 10,
    size: 12,
    font: fonts.bold,
    color: rgb(1, 1, 1),
  });
  return height - bandHeight - margin;
}

function footer(page: PDFPage, text: string, fonts: Fonts, margin: number): void {
  paragraph(page, text, margin, margin, page.getSize().width - 2 * margin, fonts.regular, 8.5, muted);
}

async function newDocument(title: string, language: string) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(language);
  doc.setSubject(EXAMPLE_NOTICE);
  doc.setAuthor('Samen Hier Kennisplatform (voorbeeldmateriaal / example material)');
  doc.setCreator('scripts/make-example-materials.ts');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  return { doc, fonts };
}

const SOURCE_NL =
  'Bron: Justice & Peace Nederland, artikel over het congres Van Migratie tot Participatie (2024). Gemaakt door het project van het Samen Hier Kennisplatform als voorbeeld; de echte workshopmaterialen zijn niet openbaar.';
const SOURCE_EN =
  'Source: Justice & Peace Nederland, article on the congress From Migration to Participation (2024). Made by the Samen Hier Kennisplatform project as an example; the real workshop materials are not public.';

async function handout(): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('Voorbeeld-hand-out: conclusies van de workshop over Samen Hier', 'nl-NL');
  const page = doc.addPage(A4);
  const margin = 56;
  const textWidth = A4[0] - 2 * margin;
  let y = banner(page, fonts, margin);

  y = paragraph(
    page,
    'Voorbeeld-hand-out: conclusies van de workshop over Samen Hier',
    margin,
    y,
    textWidth,
    fonts.bold,
    20,
  );
  y -= 8;
  y = paragraph(
    page,
    'Op het congres Van Migratie tot Participatie (16 mei 2024, Beatrixgebouw, Utrecht) gaf Justice & Peace een workshop over hoe community sponsorship burgerparticipatie kan stimuleren bij de steun aan en opvang van mensen met een vluchtachtergrond. Dit zijn de conclusies uit die workshop:',
    margin,
    y,
    textWidth,
    fonts.regular,
    11,
  );
  y -= 10;
  y = bullets(
    page,
    [
      'Het profiel van mensen die zich willen inzetten is veranderd. Steun die door een groep wordt gedragen, zoals bij Samen Hier, past beter bij die verandering.',
      'Mensen die willen meedoen, kunnen een druk sociaal leven en werk combineren met burgerparticipatie.',
      'Een open houding van de buurt tegenover nieuwkomers is belangrijk.',
      'Laagdrempelige en gelijkwaardige steun door een vaste groep is een onmisbare aanvulling op formele (integratie)steun gebleken.',
      'Lokale groepen zorgen dat buurtbewoners zich verantwoordelijk voelen, zelf regie nemen en vrienden, buren en kennissen inspireren en informeren.',
      'Interesse van gemeenten versterkt een oplossingsgerichte houding en het vertrouwen in betrokken inwoners die deze verantwoordelijkheid samen met de gemeente dragen.',
    ],
    margin,
    y,
    textWidth,
    fonts,
    11,
  );
  y -= 10;
  paragraph(
    page,
    'Let op: dit is geen echte hand-out van de workshop. Het is een voorbeeld, gemaakt om te laten zien hoe materialen op het kennisplatform worden aangeboden. Een redacteur vervangt het door echt materiaal zodra dat openbaar is.',
    margin,
    y,
    textWidth,
    fonts.bold,
    10.5,
    accent,
  );
  footer(page, SOURCE_NL, fonts, margin);
  return doc.save({ useObjectStreams: false });
}

async function slides(): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument('Example slides: conclusions of the Samen Hier workshop', 'en-GB');
  const margin = 56;
  const textWidth = A4_LANDSCAPE[0] - 2 * margin;

  // Slide 1: title.
  const first = doc.addPage(A4_LANDSCAPE);
  let y = banner(first, fonts, margin) - 60;
  y = paragraph(first, 'Example slides: conclusions of the Samen Hier workshop', margin, y, textWidth, fonts.bold, 30);
  y -= 14;
  y = paragraph(
    first,
    'Justice & Peace workshop on civic participation through community sponsorship, congress From Migration to Participation, 16 May 2024, Beatrixgebouw, Utrecht.',
    margin,
    y,
    textWidth,
    fonts.regular,
    16,
  );
  y -= 20;
  paragraph(
    first,
    'This is not a real slide deck from the workshop. It is an example made by the project behind the Samen Hier Kennisplatform, because the real workshop slides are not public.',
    margin,
    y,
    textWidth,
    fonts.bold,
    14,
    accent,
  );
  footer(first, SOURCE_EN, fonts, margin);

  /** A slide with the banner, a heading, what `body` draws below it, and the source footer. */
  const contentSlide = (heading: string, body: (page: PDFPage, y: number) => void) => {
    const page = doc.addPage(A4_LANDSCAPE);
    const y = paragraph(page, heading, margin, banner(page, fonts, margin), textWidth, fonts.bold, 24);
    body(page, y - 10);
    footer(page, SOURCE_EN, fonts, margin);
  };

  // Slide 2: the conclusions.
  contentSlide('What the workshop concluded', (page, top) =>
    bullets(
      page,
      [
        'The profile of people willing to engage has changed; support carried by a group fits that change better.',
        'People eager to get involved can combine busy social and professional lives with civic participation.',
        'An open attitude from the neighbourhood towards newcomers matters.',
        'A designated group giving low-threshold and equal support has proven an indispensable addition to formal (integration) support.',
        'Local groups make residents feel responsible, take agency, and inspire and inform friends, neighbours and acquaintances.',
        "Municipalities' interest reinforces a solution-based attitude and the belief in engaged locals carrying this responsibility together with them.",
      ],
      margin,
      top,
      textWidth,
      fonts,
      14,
    ),
  );

  // Slide 3: for editors. Its wording appears nowhere else on the site, so the search test can prove that
  // text found only inside an uploaded PDF makes the material findable.
  contentSlide('For editors', (page, top) =>
    paragraph(
      page,
      'Swap this placeholder deck for the genuine presentation: in the CMS, open Materials, upload the real file and switch off "Example content".',
      margin,
      top,
      textWidth,
      fonts.regular,
      16,
    ),
  );
  return doc.save({ useObjectStreams: false });
}

await mkdir(outDir, { recursive: true });
const outputs: [string, Uint8Array][] = [
  ['voorbeeld-handout-workshop.pdf', await handout()],
  ['example-slides-workshop.pdf', await slides()],
];
for (const [name, bytes] of outputs) {
  await writeFile(join(outDir, name), bytes);
  console.log(`wrote public/uploads/${name} (${bytes.length} bytes)`);
}
