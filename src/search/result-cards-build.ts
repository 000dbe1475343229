/**
 * Writes the result cards (result-cards.ts) from the fragments Pagefind has just
 * produced: one file per language, keyed by the fragment's name, which is the id Pagefind gives a result.
 */
import { gunzipSync } from 'node:zlib';
import {
  headFromFragment,
  resultCardsPath,
  rowFromHead,
  RESULT_CARDS_VERSION,
  type FragmentData,
  type ResultCardsFile,
} from './result-cards.ts';

/** Pagefind prefixes every decompressed file with this signature. */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file's JSON. Pagefind gzips them; an uncompressed one starts with the signature. */
function readJson(name: string, bytes: Uint8Array): unknown {
  const head = (b: Uint8Array) => Buffer.from(b.subarray(0, SIGNATURE.length)).toString('latin1');
  let data = bytes;
  if (head(data) !== SIGNATURE) {
    try {
      data = gunzipSync(data);
    } catch (error) {
      throw new Error(
        `result cards: fragment ${name} is not a gzip file (${(error as Error).message}); re-run the build to re-index`,
      );
    }
    if (head(data) !== SIGNATURE)
      throw new Error(`result cards: fragment ${name} lacks Pagefind's signature; re-run the build to re-index`);
  }
  return JSON.parse(Buffer.from(data.subarray(SIGNATURE.length)).toString('utf8'));
}

function isFragment(value: unknown): value is FragmentData {
  return typeof value === 'object' && value !== null && typeof (value as FragmentData).url === 'string';
}

/** The parts the cards need; Pagefind leaves out empty meta and filters. */
function cardData(fragment: FragmentData): FragmentData {
  return { url: fragment.url, meta: fragment.meta ?? {}, filters: fragment.filters ?? {} };
}

/**
 * The fragments in one fragment file, by result id: a page's own file (id = file name), or a group file that
 * Pagefind writes when a language has more pages than --max-fragments (id → fragment).
 */
export function readFragments(name: string, bytes: Uint8Array): [id: string, data: FragmentData][] {
  const id = name.replace(/^.*\//, '').replace(/\.pf_fragment$/, '');
  const json = readJson(name, bytes);
  if (isFragment(json)) return [[id, cardData(json)]];
  if (typeof json !== 'object' || json === null)
    throw new Error(`result cards: fragment ${name} is not a Pagefind fragment; re-run the build to re-index`);
  return Object.entries(json).map(([member, data]) => {
    if (!isFragment(data))
      throw new Error(
        `result cards: fragment group ${name} has an entry ${member} without a url; re-run the build to re-index`,
      );
    return [member, cardData(data)];
  });
}

/**
 * Cards per language from fragment files given as [file name, bytes] (names like `nl_3f2a….pf_fragment`,
 * as in <bundle>/fragment/). Returns file name (relative to the bundle) → JSON text.
 */
export function buildResultCards(fragments: Iterable<[name: string, bytes: Uint8Array]>): Map<string, string> {
  const byLanguage = new Map<string, ResultCardsFile>();
  for (const [name, bytes] of fragments) {
    const language = /(?:^|\/)([^_/]+)_[^/]+\.pf_fragment$/.exec(name)?.[1];
    if (!language) continue;
    let file = byLanguage.get(language);
    if (!file) byLanguage.set(language, (file = { v: RESULT_CARDS_VERSION, cards: {} }));
    for (const [id, data] of readFragments(name, bytes)) file.cards[id] = rowFromHead(headFromFragment(data));
  }
  return new Map([...byLanguage].map(([language, file]) => [resultCardsPath(language), JSON.stringify(file)]));
}
