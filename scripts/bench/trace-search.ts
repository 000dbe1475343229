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
 * The trace's own CPU samples (same clock) charge each phase's main-thread time to whose code ran: Pagefind (its
 * script and its WebAssembly), the site's search client, the browser (V8's "(program)": rendering, parsing, and
 * waiting the sampler did not mark idle), the garbage collector. The sampler slows the page, so wall times here
 * are higher than the bench's.
 */
import { parseArgs } from 'node:util';
import { serveSite } from '../../tests/helpers/server.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { sectionPath } from '../../src/i18n/routes.ts';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  id?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; callFrame: { url?: string; functionName: string } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cold: { type: 'boolean', default: false } },
});
const dist = positionals[0];
if (!dist) throw new Error('usage: node scripts/bench/trace-search.ts DIR [--cold] (DIR: a built and indexed site)');
const words = values.cold ? ['gemeente'] : ['vrijwilliger', 'subsidie', 'bibliotheek', 'evaluatie', 'werkgever'];

/** Main-thread events by kind (the names Chromium's devtools.timeline category records). */
const kinds: [string, RegExp][] = [
  ['script', /^(FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|HandlePostMessage)$/],
  ['style/layout/paint', /^WebFrameWidgetImpl::UpdateLifecycle$/],
  ['network handling', /^(ResourceFetcher::requestResource|ResponseBodyLoader::\w+)$/],
  ['gc', /^(MinorGC|MajorGC)$/],
];

const BROWSER = 'browser (program: rendering, parsing, waiting)';
/** The owners a phase's samples are listed by ("idle" is left out: the wall time says it). */
const OWNERS = ['Pagefind script', 'Pagefind wasm', 'site client', BROWSER, 'gc'];

/** Whose code a profiled function is: only Pagefind brings WebAssembly to the search page. */
function ownerOf({ url = '', functionName }: { url?: string; functionName: string }): string {
  if (url.includes('/pagefind/')) return 'Pagefind script';
  if (url.startsWith('wasm://') || /^(wasm-function|js-to-wasm|wasm-to-js)/.test(functionName)) return 'Pagefind wasm';
  if (url) return 'site client';
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(idle)') return 'idle';
  return BROWSER;
}

/**
 * The samples of the trace's CPU profile of one thread: when (trace clock, µs), how long, whose code. The thread's
 * `Profile` event names the profile; its `ProfileChunk`s (written from the sampler's thread) carry its id.
 */
function profileSamples(traceEvents: TraceEvent[], pid: number, tid: number) {
  const start = traceEvents.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const owners = new Map<number, string>();
  const samples: { ts: number; dur: number; owner: string }[] = [];
  let ts = start?.args?.data?.startTime ?? 0;
  for (const e of traceEvents) {
    if (!start || e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== start.id) continue;
    const chunk = e.args?.data?.cpuProfile;
    for (const node of chunk?.nodes ?? []) owners.set(node.id, ownerOf(node.callFrame));
    (chunk?.samples ?? []).forEach((id, i) => {
      const dur = e.args?.data?.timeDeltas?.[i] ?? 0;
      ts += dur;
      samples.push({ ts, dur, owner: owners.get(id) ?? BROWSER });
    });
  }
  return samples;
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
      // The sampling profiler's samples, on the trace's clock: whose code ran within each phase.
      'disabled-by-default-v8.cpu_profiler',
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
  const samples = profileSamples(traceEvents, main.pid, main.tid);
  const ms = (us: number) => (us / 1000).toFixed(1);
  const phase = (from: number, to: number) => {
    const within = (e: TraceEvent) => e.ts >= from && e.ts < to;
    const cpu = tasks.filter(within).reduce((sum, e) => sum + (e.tdur ?? 0), 0);
    const parts = kinds.map(([kind, pattern]) => {
      const sum = events.filter((e) => within(e) && pattern.test(e.name)).reduce((s, e) => s + (e.tdur ?? 0), 0);
      return `${kind} ${ms(sum)}`;
    });
    const sampled = OWNERS.map(
      (owner) =>
        `${owner} ${ms(samples.filter((x) => x.owner === owner && x.ts >= from && x.ts < to).reduce((t, x) => t + x.dur, 0))}`,
    );
    return `wall ${ms(to - from)}, CPU ${ms(cpu)} ms (${parts.join(', ')}; sampled: ${sampled.join(', ')})`;
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
} finally {
  await browser.close();
  await server.close();
}
