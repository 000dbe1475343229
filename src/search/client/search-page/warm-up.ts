/**
 * This page is for searching: fetch the engine (not the index) and run it once (warmUpEngine) while the visitor
 * reads or types; then the result cards and the filter data for the counts, which the first search will use.
 * data-engine="ready" tells tests and the benchmark that the warm-up is over.
 */
import type { Locale } from '../../../i18n/locales.ts';
import { loadCounter, loadResultCards, warmUpEngine } from '../engine.ts';
import { prepareDateFormat } from '../strings.ts';

export function warmUpWhenIdle(root: HTMLElement, locale: Locale): void {
  const warmUp = () =>
    void warmUpEngine()
      .then(() => prepareDateFormat(locale))
      .then(() => Promise.all([loadResultCards(), loadCounter()]))
      .then(() => (root.dataset.engine = 'ready'))
      .catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(warmUp, { timeout: 1000 });
  else setTimeout(warmUp, 300);
}
