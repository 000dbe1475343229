/**
 * Dutch wording of the schema's validation rules, for the CMS (whose UI is Dutch). The rules
 * themselves (regexes, limits) come from src/schema; only their explanation is written here. A
 * pattern without a Dutch message falls back to the schema's English message, and the parity test
 * fails, so a new rule in the schema cannot slip in untranslated.
 */
import { webAddressShape, slugPattern } from '../../src/schema/common.ts';
import { UPLOAD_PATH } from '../../src/schema/materials.ts';

/** Decap shows: "<label> komt niet overeen met het patroon: <message>." */
export const patternMessages = {
  url: 'gebruik een volledig webadres dat begint met https:// (of http://)',
  email: 'gebruik een e-mailadres, zoals info@voorbeeld.nl',
  slug: 'gebruik kleine letters, cijfers en enkele streepjes, bijv. "matching-in-rotterdam"',
} as const;

/** Messages for regexes in the schema, by regex source. */
export const regexMessages: Record<string, string> = {
  [slugPattern.source]: patternMessages.slug,
  [webAddressShape.source]: patternMessages.url,
  // localDateTime() in src/schema/common.ts
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$':
    'gebruik een datum en tijd als JJJJ-MM-DDTUU:MM (Amsterdamse tijd), bijv. 2024-05-16T09:30',
  // figureSchema.value in src/schema/cases.ts
  '^(\\d[\\d.,]*|unknown)$': 'gebruik een getal, of "unknown" als het getal niet bekend is',
  // materialSchema.file in src/schema/materials.ts
  [UPLOAD_PATH.source]: 'gebruik een geüpload bestand, zoals /uploads/handout.pdf',
};

export function lengthMessage(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined && Number.isFinite(max)) return `gebruik ${min} tot ${max} tekens`;
  if (min !== undefined) return `gebruik minstens ${min} tekens`;
  return `gebruik hoogstens ${max} tekens`;
}

/**
 * Dutch wording of the schema's cross-field rules (refine/superRefine), shown when saving fails.
 * Keyed by the schema's English message; unknown messages are shown in English.
 */
export const refineMessages: Record<string, string> = {
  'the event must end after it starts: set "end" later than "start" (for an all-day event: the same day or later)':
    'het evenement moet eindigen na het begin: zet "Eindigt" later dan "Begint" (bij een evenement van hele dagen: dezelfde dag of later)',
  'give both a start and an end time, or neither when the time slot is not known':
    'vul zowel "Begint" als "Eindigt" in, of laat allebei leeg als het tijdstip niet bekend is',
  'the session must end after it starts: set "end" later than "start"': 'de sessie moet eindigen na het begin: zet "Eindigt" later dan "Begint"',
  'give a venue, an online link, or both': 'vul een locatie in, een online link, of allebei',
  'give an uploaded file or an external link': 'kies een geüpload bestand of vul een externe link in',
};
