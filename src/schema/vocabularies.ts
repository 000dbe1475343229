/**
 * Shared vocabularies. Each term has a stable id (used in content files, URLs and search filters:
 * never rename one) and a Dutch and English label (safe to reword).
 */
import { z } from 'astro/zod';
import type { Bilingual } from './field.ts';

export interface Term<Id extends string = string> {
  id: Id;
  label: Bilingual;
}

function vocabulary<const Id extends string>(terms: readonly Term<Id>[]) {
  return terms;
}

/** What a practice or material is about. */
export const themes = vocabulary([
  { id: 'mobilising-residents', label: { nl: 'Bewoners in beweging brengen', en: 'Mobilising residents' } },
  { id: 'forming-a-group', label: { nl: 'Een groep vormen', en: 'Forming a group' } },
  { id: 'matching', label: { nl: 'Matchen', en: 'Matching' } },
  { id: 'housing', label: { nl: 'Wonen', en: 'Housing' } },
  { id: 'language-education', label: { nl: 'Taal en onderwijs', en: 'Language and education' } },
  { id: 'work-participation', label: { nl: 'Werk en meedoen', en: 'Work and participation' } },
  { id: 'wellbeing', label: { nl: 'Welzijn', en: 'Wellbeing' } },
  {
    id: 'municipal-cooperation',
    label: { nl: 'Samenwerking met de gemeente', en: 'Cooperation with the municipality' },
  },
  { id: 'funding', label: { nl: 'Financiering', en: 'Funding' } },
  { id: 'safeguarding', label: { nl: 'Veiligheid en grenzen', en: 'Safeguarding' } },
]);

/** The phases of community sponsorship, in order. */
export const phases = vocabulary([
  { id: 'orientation', label: { nl: 'Oriëntatie', en: 'Orientation' } },
  { id: 'preparation', label: { nl: 'Voorbereiding', en: 'Preparation' } },
  { id: 'matching', label: { nl: 'Matching', en: 'Matching' } },
  { id: 'support-year', label: { nl: 'Het steunjaar', en: 'The support year' } },
  { id: 'closure-evaluation', label: { nl: 'Afsluiting en evaluatie', en: 'Closure and evaluation' } },
]);

/** Who a practice is written for. */
export const audiences = vocabulary([
  { id: 'municipality', label: { nl: 'Gemeente', en: 'Municipality' } },
  { id: 'province', label: { nl: 'Provincie', en: 'Province' } },
  { id: 'group-member', label: { nl: 'Groepslid', en: 'Group member' } },
  { id: 'partner-organisation', label: { nl: 'Partnerorganisatie', en: 'Partner organisation' } },
]);

/** Forms of community sponsorship (samenhier.nl/community-sponsorship). */
export const variants = vocabulary([
  { id: 'resettlement', label: { nl: 'Hervestiging (sponsorgroep)', en: 'Resettlement (sponsor group)' } },
  { id: 'welcome-group', label: { nl: 'Statushouders (welkomgroep)', en: 'Status holders (welcome group)' } },
  { id: 'students', label: { nl: 'Studenten', en: 'Students' } },
  { id: 'ad-hoc', label: { nl: 'Ad hoc (Oekraïne)', en: 'Ad hoc (Ukraine)' } },
]);

/** The twelve provinces of the Netherlands. */
export const provinces = vocabulary([
  { id: 'groningen', label: { nl: 'Groningen', en: 'Groningen' } },
  { id: 'fryslan', label: { nl: 'Fryslân', en: 'Friesland' } },
  { id: 'drenthe', label: { nl: 'Drenthe', en: 'Drenthe' } },
  { id: 'overijssel', label: { nl: 'Overijssel', en: 'Overijssel' } },
  { id: 'flevoland', label: { nl: 'Flevoland', en: 'Flevoland' } },
  { id: 'gelderland', label: { nl: 'Gelderland', en: 'Gelderland' } },
  { id: 'utrecht', label: { nl: 'Utrecht', en: 'Utrecht' } },
  { id: 'noord-holland', label: { nl: 'Noord-Holland', en: 'North Holland' } },
  { id: 'zuid-holland', label: { nl: 'Zuid-Holland', en: 'South Holland' } },
  { id: 'zeeland', label: { nl: 'Zeeland', en: 'Zeeland' } },
  { id: 'noord-brabant', label: { nl: 'Noord-Brabant', en: 'North Brabant' } },
  { id: 'limburg', label: { nl: 'Limburg', en: 'Limburg' } },
]);

export const eventTypes = vocabulary([
  { id: 'congress', label: { nl: 'Congres', en: 'Congress' } },
  { id: 'workshop', label: { nl: 'Workshop', en: 'Workshop' } },
  { id: 'webinar', label: { nl: 'Webinar', en: 'Webinar' } },
  { id: 'meeting', label: { nl: 'Bijeenkomst', en: 'Meeting' } },
  { id: 'training', label: { nl: 'Training', en: 'Training' } },
]);

/** Mirrors schema.org EventStatusType. */
export const eventStatuses = vocabulary([
  { id: 'scheduled', label: { nl: 'Gaat door', en: 'Scheduled' } },
  { id: 'cancelled', label: { nl: 'Geannuleerd', en: 'Cancelled' } },
  { id: 'postponed', label: { nl: 'Uitgesteld', en: 'Postponed' } },
  { id: 'moved-online', label: { nl: 'Verplaatst naar online', en: 'Moved online' } },
]);

export const materialTypes = vocabulary([
  { id: 'slides', label: { nl: 'Presentatie', en: 'Slides' } },
  { id: 'handout', label: { nl: 'Hand-out', en: 'Handout' } },
  { id: 'guide', label: { nl: 'Handleiding', en: 'Guide' } },
  { id: 'template', label: { nl: 'Sjabloon', en: 'Template' } },
  { id: 'report', label: { nl: 'Rapport', en: 'Report' } },
  { id: 'recording', label: { nl: 'Opname', en: 'Recording' } },
  { id: 'link', label: { nl: 'Link', en: 'Link' } },
]);

export const caseStatuses = vocabulary([
  { id: 'exploring', label: { nl: 'Verkennend', en: 'Exploring' } },
  { id: 'pilot', label: { nl: 'Pilot', en: 'Pilot' } },
  { id: 'active', label: { nl: 'Actief', en: 'Active' } },
  { id: 'ended', label: { nl: 'Afgerond', en: 'Ended' } },
]);

/** Languages a material can be in. */
export const contentLanguages = vocabulary([
  { id: 'nl', label: { nl: 'Nederlands', en: 'Dutch' } },
  { id: 'en', label: { nl: 'Engels', en: 'English' } },
]);

export const vocabularies = {
  themes,
  phases,
  audiences,
  variants,
  provinces,
  eventTypes,
  eventStatuses,
  materialTypes,
  caseStatuses,
  contentLanguages,
} as const;

export type VocabularyName = keyof typeof vocabularies;
export type TermId<V extends VocabularyName> = (typeof vocabularies)[V][number]['id'];

/**
 * A zod enum of a vocabulary's ids; the error lists the allowed values so an editor can fix a typo. It carries the
 * vocabulary's name in its metadata, which `field()` copies to the field (CMS options, search facets read it there).
 */
export function termOf<V extends VocabularyName>(name: V) {
  const ids = vocabularies[name].map((term) => term.id) as [TermId<V>, ...TermId<V>[]];
  return z
    .enum(ids, {
      error: (issue) => `"${String(issue.input)}" is not a known ${name} value. Use one of: ${ids.join(', ')}`,
    })
    .meta({ vocabulary: name });
}

export function termLabel(name: VocabularyName, id: string, locale: keyof Bilingual): string {
  const term = (vocabularies[name] as readonly Term[]).find((t) => t.id === id);
  return term ? term.label[locale] : id;
}
