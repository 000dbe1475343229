/**
 * The "save for offline use" control's code (OfflineSave.astro), loaded by its inline script (offlineSaveScript
 * in src/lib/csp.ts) on the first click, or at once when the event is saved, to show since when. The service
 * worker does the work (sw.ts); this asks it, reports progress in the control's polite live region, and moves
 * focus to the button of the new state. Texts come from the control's data-msg-* attributes (src/i18n/ui/*.json).
 */
import { REGISTRY_URL, type Registry, type Reply, type Request } from './protocol.ts';

/** Progress is announced at most this often: a screen reader should not read every file. */
const ANNOUNCE_EVERY_MS = 1500;
const WORKER_WAIT_MS = 10_000;
let busy = false;

const fill = (text: string | undefined, vars: Record<string, string | number>) =>
  (text ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

async function activeWorker(): Promise<ServiceWorker> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('no service worker')), WORKER_WAIT_MS),
  );
  const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
  if (!registration.active) throw new Error('no active service worker');
  return registration.active;
}

/** Send one request to the worker; `onProgress` hears its progress until it is done. */
async function ask(request: Request, onProgress: (reply: Extract<Reply, { type: 'progress' }>) => void): Promise<void> {
  const worker = await activeWorker();
  const channel = new MessageChannel();
  await new Promise<void>((resolve, reject) => {
    channel.port1.onmessage = ({ data }: MessageEvent<Reply>) => {
      if (data.type === 'progress') onProgress(data);
      else if (data.type === 'done') resolve();
      else reject(new Error(data.reason));
    };
    worker.postMessage(request, [channel.port2]);
  });
  channel.port1.close();
}

/** Show whether the control's event is saved, and when it was stored or last found up to date. */
export async function show(box: HTMLElement): Promise<void> {
  const d = box.dataset;
  const registry = (await (await caches.match(REGISTRY_URL))?.json()) as Registry | undefined;
  const pack = registry?.packs[d.key!];
  box.querySelector<HTMLElement>('[data-unsaved]')!.hidden = !!pack;
  box.querySelector<HTMLElement>('[data-saved]')!.hidden = !pack;
  if (!pack) return;
  const when = new Date(pack.savedAt);
  const today = when.toDateString() === new Date().toDateString();
  const time = box.querySelector<HTMLTimeElement>('[data-saved] time')!;
  time.textContent = when.toLocaleString(
    d.lang,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
  time.dateTime = when.toISOString();
}

/** Run "save" or "remove" for the control `box`. */
export async function run(box: HTMLElement, action: string): Promise<void> {
  if (busy || (action !== 'save' && action !== 'remove')) return;
  busy = true;
  const d = box.dataset;
  const status = box.querySelector<HTMLElement>('[data-status]')!;
  let announced = 0;
  try {
    if (action === 'save') {
      status.textContent = fill(d.msgStarting, {});
      await ask({ type: 'save', manifest: d.manifest!, locale: d.locale! }, ({ done, count, bytes, total }) => {
        if (done < count && Date.now() - announced < ANNOUNCE_EVERY_MS) return;
        announced = Date.now();
        status.textContent = fill(d.msgProgress, {
          done,
          count,
          percent: total ? Math.round((100 * bytes) / total) : 100,
        });
      });
    } else {
      await ask({ type: 'remove', key: d.key! }, () => {});
    }
    await show(box);
    status.textContent = fill(action === 'save' ? d.msgSaved : d.msgRemoved, {});
    box.querySelector<HTMLElement>(`[data-${action === 'save' ? 'saved' : 'unsaved'}] button`)?.focus();
  } catch (error) {
    status.textContent = fill(action === 'save' ? d.msgSaveFailed : d.msgRemoveFailed, {
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    busy = false;
  }
}
