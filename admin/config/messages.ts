/**
 * Dutch wording of the schema's validation rules, for the CMS (whose UI is Dutch). The rules
 * themselves (regexes, limits, refinements) come from src/schema; their wording is in the CMS
 * dictionary (admin/i18n/nl.ts). A regex is matched to its message by its source, a cross-field rule
 * (refine) by the id in its `params`; a rule without a Dutch message makes the parity test fail, so
 * a new rule in the schema cannot slip in untranslated.
 */
import { webAddressShape, slugPattern } from '../../src/schema/common.ts';
import { UPLOAD_PATH } from '../../src/schema/materials.ts';
import { cms, fill } from '../i18n/nl.ts';

/** Decap shows: "<label> komt niet overeen met het patroon: <message>." */
export const patternMessages = cms.pattern;

/** Messages for regexes in the schema, by regex source. */
export const regexMessages: Record<string, string> = {
  [slugPattern.source]: cms.pattern.slug,
  [webAddressShape.source]: cms.pattern.url,
  // localDateTime() in src/schema/common.ts
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$': cms.pattern.localDateTime,
  // figureSchema.value in src/schema/cases.ts
  '^(\\d[\\d.,]*|unknown)$': cms.pattern.figureValue,
  // materialSchema.file in src/schema/materials.ts
  [UPLOAD_PATH.source]: cms.pattern.uploadedFile,
};

export function lengthMessage(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined && Number.isFinite(max)) return fill(cms.length.between, { min, max });
  if (min !== undefined) return fill(cms.length.atLeast, { min });
  return fill(cms.length.atMost, { max: max ?? '' });
}

/**
 * Dutch wording of a cross-field rule (refine/superRefine in src/schema), by the id the rule carries
 * in `params: { id }`; a rule without an id or wording is shown in the schema's English.
 */
export function ruleMessage(issue: { message: string; params?: Record<string, unknown> }): string {
  const id = issue.params?.id;
  return typeof id === 'string' && id in cms.rule ? cms.rule[id as keyof typeof cms.rule] : issue.message;
}
