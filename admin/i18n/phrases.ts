/** Decap's interface in Dutch: decap-cms-locales' phrases with the project's completions (./nl.ts) laid over them. */
// The ES module of the Dutch phrases alone (the package's main file is a browser bundle of all languages).
import nl from 'decap-cms-locales/dist/esm/nl/index.js';
import { decapNl } from './nl.ts';

export type Phrases = { [key: string]: string | Phrases };

/** `base` with `extra` laid over it, key by key. */
export function mergePhrases(base: object, extra: object): Phrases {
  const out: Phrases = { ...(base as Phrases) };
  for (const [key, value] of Object.entries(extra as Phrases)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return out;
}

export const decapPhrasesNl: Phrases = mergePhrases(nl, decapNl);
