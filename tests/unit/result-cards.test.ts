/** Result cards: read from Pagefind fragment files (gzipped, plain or grouped), one file per language. */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildResultCards, readFragments } from '../../src/search/result-cards-build.ts';
import { headFromFragment, headFromRow, rowFromHead, type ResultCardsFile } from '../../src/search/result-cards.ts';

const signed = (json: unknown) => Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]);
const gz = (json: unknown) => gzipSync(signed(json));

const practice = {
  url: '/goede-praktijken/taalmaatje/',
  content: 'Een taalmaatje helpt …',
  meta: { title: 'Taalmaatje', date: '2025-03-01', image: '/_astro/cover.abc.webp' },
  filters: { type: ['Goede praktijk'], example: ['Voorbeeld'] },
};
const news = {
  url: '/en/news/congress/',
  content: '…',
  meta: { title: ' Congress ', date: '2025-11-20' },
  filters: { type: ['News item'] },
};

describe('result cards', () => {
  it('reads a gzipped fragment, and one Pagefind left uncompressed', () => {
    expect(readFragments('fragment/nl_1a2b.pf_fragment', gz(practice))).toEqual([
      ['nl_1a2b', { url: practice.url, meta: practice.meta, filters: practice.filters }],
    ]);
    expect(readFragments('en_9f.pf_fragment', signed(news))[0]![1].url).toBe(news.url);
  });

  it('reads every member of a fragment group', () => {
    const group = gz({ nl_aa: practice, nl_bb: { ...practice, url: '/gemeenten/zwolle/' } });
    expect(readFragments('nl_group1.pf_fragment', group).map(([id, data]) => [id, data.url])).toEqual([
      ['nl_aa', practice.url],
      ['nl_bb', '/gemeenten/zwolle/'],
    ]);
  });

  it('writes one file per language, keyed by result id, with trailing empty members left out', () => {
    const files = buildResultCards([
      ['nl_1a2b.pf_fragment', gz(practice)],
      ['en_3c4d.pf_fragment', gz(news)],
      ['README.txt', Buffer.from('not a fragment')],
    ]);
    expect([...files.keys()].sort()).toEqual(['cards-en.json', 'cards-nl.json']);
    const nl = JSON.parse(files.get('cards-nl.json')!) as ResultCardsFile;
    const en = JSON.parse(files.get('cards-en.json')!) as ResultCardsFile;
    expect(nl).toEqual({
      v: 1,
      cards: {
        nl_1a2b: [
          '/goede-praktijken/taalmaatje/',
          'Taalmaatje',
          'Goede praktijk',
          '2025-03-01',
          1,
          '/_astro/cover.abc.webp',
        ],
      },
    });
    expect(en.cards).toEqual({ en_3c4d: ['/en/news/congress/', 'Congress', 'News item', '2025-11-20'] });
  });

  it('turns a card back into the heading a result shows, the same as from the fragment itself', () => {
    for (const fragment of [practice, news, { url: '/x/', meta: {}, filters: {} }]) {
      const head = headFromFragment(fragment);
      expect(headFromRow(rowFromHead(head))).toEqual(head);
    }
    // A page without a title is listed by its URL.
    expect(headFromFragment({ url: '/x/', meta: {}, filters: {} }).title).toBe('/x/');
  });

  it('names the fragment and the fix when a fragment cannot be read', () => {
    expect(() => readFragments('nl_bad.pf_fragment', Buffer.from('garbage'))).toThrow(
      /fragment nl_bad\.pf_fragment is not a gzip file.*re-run the build/,
    );
    expect(() => readFragments('nl_nosig.pf_fragment', gzipSync(Buffer.from('{"url":"/"}')))).toThrow(
      /nl_nosig\.pf_fragment lacks Pagefind's signature/,
    );
    expect(() => readFragments('nl_group.pf_fragment', gz({ nl_aa: { title: 'no url' } }))).toThrow(
      /group nl_group\.pf_fragment has an entry nl_aa without a url/,
    );
  });
});
