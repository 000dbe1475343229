/**
 * Where a search's time goes, over a built and indexed site (e.g. one kept with `npm run bench -- --keep`):
 *
 *   node scripts/bench/trace-search.ts DIR [--cold]
 *
 * Records a Chromium trace of warm queries on the search page (with --cold: of the first query of a fresh page)
 * and prints, per query and phase (submit → first results, → excerpts, → filter counts), the wall time and the
 * main thread's CPU time, split into script, style/layout/paint and network handling. On a machine shared with
 * other work the wall time stretches with the load while the CPU time stays close to what the query costs, so the
 * CPU figures say which part is the engine (script), which the page's rendering, and how much is waiting.
 * A CPU profile of the same queries then charges the main thread's time to whose code ran: Pagefind (its script
 * and its WebAssembly), the site's search client, the browser's own work (rendering, parsing), the garbage collector
 * or waiting.
 */
import { parseArgs } from 'node:util';
import { serveSite } from '../../tests/helpers/server.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { sectionPath } from '../../src/i18n/routes.ts';
import type { CpuProfile } from './cpu-profile.ts';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cold: { type: 'boolean', default: false } },
});
const dist = positionals[0];
if (!dist) throw new Error('usage: node scripts/bench/trace-search.ts DIR [--cold] (DIR: a built and indexed site)');
const words = values.cold ? ['gemeente'] : ['vrijwilliger', 'subsidie', 'bibliotheek', 'evaluatie', 'werkgever'];
const profiledWords = values.cold ? [] : ['taalcoach', 'woning', 'sportclub', 'netwerk', 'wethouder'];

/** Main-thread events by kind (the names Chromium's devtools.timeline category records). */
const kinds: [string, RegExp][] = [
  ['script', /^(FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|HandlePostMessage)$/],
  ['style/layout/paint', /^WebFrameWidgetImpl::UpdateLifecycle$/],
  ['network handling', /^(ResourceFetcher::requestResource|ResponseBodyLoader::\w+)$/],
  ['gc', /^(MinorGC|MajorGC)$/],
];

/** Self time per owner (ms) of a profile of the search page: only Pagefind brings WebAssembly there. */
function timeByBrowserOwner(profile: CpuProfile): Map<string, number> {
  const ownerOf = ({ url, functionName }: CpuProfile['nodes'][number]['callFrame']) => {
    if (url.includes('/pagefind/')) return 'Pagefind script';
    if (url.startsWith('wasm://')) return 'Pagefind WebAssembly';
    if (url) return 'site search client';
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(idle)') return 'idle (waiting for the network, timers, frames)';
    return 'browser (rendering, parsing, not attributed)';
  };
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const owners = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = ownerOf(frames.get(id)!);
    owners.set(owner, (owners.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return new Map([...owners].sort((a, b) => b[1] - a[1]));
}

const server = await serveSite(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(server.origin + sectionPath('nl', 'search'), { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-search-page][data-engine="ready"]');
  const query = (term: string) =>
    page.evaluate(async (q) => {
      const input = document.querySelector<HTMLInputElement>('#sp-q')!;
      input.value = q;
      const once = (name: string) => new Promise((resolve) => document.addEventListener(name, resolve, { once: true }));
      const [rendered, complete, settled] = ['search:rendered', 'search:complete', 'search:settled'].map(once);
      performance.mark('trace:start');
      input.form!.requestSubmit();
      await rendered;
      performance.mark('trace:rendered');
      await complete;
      performance.mark('trace:complete');
      await settled;
      performance.mark('trace:settled');
    }, term);
  // Warm: one query first, so the engine has searched before the traced ones.
  if (!values.cold) await query('gemeente');
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink',
      'loading',
      'blink.user_timing',
    ],
  });
  for (const term of words) await query(term);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };

  // The renderer's main thread is the one that ran the page's script.
  const ran = new Set(traceEvents.filter((e) => e.name === 'FunctionCall').map((e) => e.pid));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ran.has(e.pid));
  if (!main) throw new Error('no renderer main thread in the trace');
  const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = events.filter((e) => e.name === 'RunTask');
  const marks = traceEvents
    .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('trace:'))
    .sort((a, b) => a.ts - b.ts);
  const ms = (us: number) => (us / 1000).toFixed(1);
  const phase = (from: number, to: number) => {
    const within = (e: TraceEvent) => e.ts >= from && e.ts < to;
    const cpu = tasks.filter(within).reduce((sum, e) => sum + (e.tdur ?? 0), 0);
    const parts = kinds.map(([kind, pattern]) => {
      const sum = events.filter((e) => within(e) && pattern.test(e.name)).reduce((s, e) => s + (e.tdur ?? 0), 0);
      return `${kind} ${ms(sum)}`;
    });
    return `wall ${ms(to - from)}, CPU ${ms(cpu)} ms (${parts.join(', ')})`;
  };
  marks.forEach((mark, i) => {
    if (mark.name !== 'trace:start') return;
    const [start, rendered, complete, settled] = marks.slice(i, i + 4).map((m) => m.ts) as [
      number,
      number,
      number,
      number,
    ];
    console.log(`${words[marks.slice(0, i).filter((m) => m.name === 'trace:start').length]}:`);
    console.log(`  submit → first results: ${phase(start, rendered)}`);
    console.log(`  → excerpts of the first page: ${phase(rendered, complete)}`);
    console.log(`  → filter counts: ${phase(complete, settled)}`);
  });

  // A second pass under the CPU profiler alone (tracing beside it would be charged to the browser), over other
  // words of the same kind so that nothing is answered from the first pass's fetches.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (const term of profiledWords) await query(term);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const owners = timeByBrowserOwner(profile);
  console.log(
    `main thread per query (${profiledWords.join(', ')}), by whose code ran (CPU profile, wall from the first submit to the last query's filter counts): ${[
      ...owners,
    ]
      .map(([owner, msTotal]) => `${owner} ${(msTotal / profiledWords.length).toFixed(1)} ms`)
      .join(', ')}`,
  );
} finally {
  await browser.close();
  await server.close();
}
