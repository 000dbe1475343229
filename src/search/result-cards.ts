/**
 * Result cards: per language, one small JSON file beside the Pagefind index that maps each indexed page's id
 * (Pagefind's result id, the name of its fragment file) to what a result's heading shows: URL, title, type,
 * date, the example label and the cover image. Written at index time from Pagefind's own fragments
 * (result-cards-build.ts), so it always describes the same index.
 *
 * Why: a result's full data (excerpt, sub-results) is a fragment file, one request each. With the cards a
 * result list is on screen as soon as Pagefind has matched, and the excerpts fill in as their fragments
 * arrive; listing filters learn which pages match without loading a fragment per page.
 * Without the file (an older index, a failed request) everything still works from the fragments alone.
 * Card URLs are the fragments' own. Pagefind would rewrite them only with its baseUrl or highlightParam
 * options, which this site does not set; setting one means applying it to card URLs too.
 */
import { EXAMPLE_FILTER } from './keys.ts';

/** One page's card. Trailing optional members are left out of the file. */
export type ResultCardRow = [url: string, title: string, type: string, date: string, example?: 0 | 1, image?: string];

export interface ResultCardsFile {
  /** Format version: a client that does not know it ignores the file. */
  v: 1;
  cards: Record<string, ResultCardRow>;
}

export const RESULT_CARDS_VERSION = 1;

/** Where the cards of a language live, next to Pagefind's bundle. */
export function resultCardsPath(language: string): string {
  return `cards-${language}.json`;
}

/** What a fragment holds (only the parts the cards need). */
export interface FragmentData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/** A result heading: what is shown before, or without, the excerpt. */
export interface ResultHead {
  url: string;
  title: string;
  type?: string;
  date?: string;
  example: boolean;
  image?: string;
}

export function headFromFragment(data: FragmentData): ResultHead {
  return {
    url: data.url,
    title: data.meta.title?.trim() || data.url,
    type: data.filters.type?.[0],
    date: data.meta.date,
    example: (data.filters[EXAMPLE_FILTER]?.length ?? 0) > 0,
    image: data.meta.image,
  };
}

export function rowFromHead(head: ResultHead): ResultCardRow {
  const row: ResultCardRow = [head.url, head.title, head.type ?? '', head.date ?? ''];
  if (head.example || head.image) row.push(head.example ? 1 : 0);
  if (head.image) row.push(head.image);
  return row;
}

export function headFromRow([url, title, type, date, example, image]: ResultCardRow): ResultHead {
  return { url, title, type: type || undefined, date: date || undefined, example: example === 1, image };
}
