/**
 * Search without a connection: the index cannot load, so instead of "search failed" the search dialog and
 * page say that search needs a connection and link the events saved on this device (the worker's registry).
 */
import { REGISTRY_URL, type Registry } from './protocol.ts';
import type { Translate } from '../search/client/strings.ts';

/** When the browser is offline: explain it in `status` and list the saved events in `box`; false when online. */
export function explainOffline(status: HTMLElement, box: HTMLElement, t: Translate): boolean {
  if (navigator.onLine) return false;
  status.textContent = t('search.offlineNone');
  const read =
    'caches' in window
      ? caches.match(REGISTRY_URL).then((r) => (r ? (r.json() as Promise<Registry>) : undefined))
      : Promise.resolve(undefined);
  void read
    .then((registry) => {
      const packs = Object.values(registry?.packs ?? {});
      if (!packs.length) return;
      const intro = document.createElement('p');
      intro.textContent = status.textContent = t('search.offline');
      const list = document.createElement('ul');
      for (const pack of packs) {
        const link = document.createElement('a');
        link.href = pack.href;
        link.textContent = pack.title;
        if (pack.locale !== document.documentElement.lang.slice(0, 2)) link.lang = pack.locale;
        const item = document.createElement('li');
        item.append(link);
        list.append(item);
      }
      box.replaceChildren(intro, list);
      box.hidden = false;
    })
    .catch(() => {});
  return true;
}
