/** The save control's client module as a lazily loaded chunk (emitted by src/integrations/offline.ts). */
import type { LazyChunk } from '../lib/lazy-chunk.ts';

export const OFFLINE_CONTROL: LazyChunk = {
  name: 'offline-control',
  source: 'src/offline/control.ts',
  global: '__samenHierOfflineControl',
};
