/**
 * Downloadable material (slides, handouts, guides): one language-neutral record each, in
 * content/materials/<slug>.yaml. Events point at materials from their sessions, so the event and
 * session a material belongs to are derived, never stored twice.
 */
import { z } from 'astro/zod';
import { field } from './field.ts';
import { date, shortCode, shortCodeHint, url, fields } from './common.ts';
import { termOf } from './vocabularies.ts';
import { uploadProblem } from './uploads.ts';

/** A file in /uploads/ (no folders, no ".."), of an allowed type (src/schema/uploads.ts). */
export const UPLOAD_PATH = /^\/uploads\/(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

const uploadPath = () =>
  z
    .string()
    .regex(UPLOAD_PATH, {
      error:
        'not a file directly in /uploads/: choose an uploaded file such as /uploads/handout.pdf (no folders, no "..")',
    })
    .superRefine((value, ctx) => {
      const problem = UPLOAD_PATH.test(value) ? uploadProblem(value, undefined, 'public') : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en });
    });

export const materialSchema = () =>
  fields({
    /** Title, in the material's own language. */
    title: field(z.string().trim().min(3, { error: 'a title of at least 3 characters is required' }), {
      label: { nl: 'Titel', en: 'Title' },
    }),
    /** What is in it, in one or two sentences. */
    description: field(z.string().trim().min(10, { error: 'a description of at least 10 characters is required' }), {
      label: { nl: 'Beschrijving', en: 'Description' },
      widget: 'text',
    }),
    /** Kind of material. */
    type: field(termOf('materialTypes'), { label: { nl: 'Soort', en: 'Type' } }),
    /** Language the material is written in. */
    language: field(termOf('contentLanguages'), { label: { nl: 'Taal', en: 'Language' } }),
    /** Uploaded file under /uploads/ (give a file or a URL). */
    file: field(uploadPath().optional(), { label: { nl: 'Bestand', en: 'File' }, widget: 'file' }),
    /** External address (give a file or a URL). */
    url: field(url().optional(), { label: { nl: 'Externe link', en: 'External link' } }),
    /** Themes covered. */
    themes: field(z.array(termOf('themes')).default([]), { label: { nl: "Thema's", en: 'Themes' } }),
    /** Date of the material (e.g. the day it was presented). */
    date: field(date(), { label: { nl: 'Datum', en: 'Date' }, widget: 'date' }),
    /** Optional readable short-link code (/m/<short>/); without it a 5-character code is derived from the slug. */
    short: field(shortCode().optional(), {
      label: { nl: 'Korte link (optioneel)', en: 'Short link (optional)' },
      hint: shortCodeHint,
      example: 'samenhier-slides',
    }),
    /** Example material made by the project; see FACTS.md. */
    example: field(z.boolean().default(false), { label: { nl: 'Voorbeeldinhoud', en: 'Example content' } }),
  }).refine((m) => m.file || m.url, {
    error: 'give an uploaded file or an external link',
    path: ['file'],
    params: { id: 'material-file-or-url' },
  });

export type MaterialData = z.infer<ReturnType<typeof materialSchema>>;
