/** The cases of a language as points for <MunicipalityMap>: every case with a position, by municipality name. */
import type { Locale } from '../i18n/locales.ts';
import { entryPath } from '../i18n/routes.ts';
import { localeTags } from '../i18n/locales.ts';
import { entriesIn, splitId } from './entries.ts';

export interface MapCaseProps {
  name: string;
  href: string;
  lat: number;
  lon: number;
  province: string;
}

export async function mapCasesFor(locale: Locale): Promise<MapCaseProps[]> {
  const cases = await entriesIn('cases', locale);
  return cases
    .filter((entry) => entry.data.position)
    .map((entry) => ({
      name: entry.data.municipality,
      href: entryPath('cases', splitId(entry.id).slug, locale),
      lat: entry.data.position!.lat,
      lon: entry.data.position!.lon,
      province: entry.data.province,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, localeTags[locale]));
}
