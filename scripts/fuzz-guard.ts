/**
 * The content guard's differential fuzz test, longer than the one in `npm test`: generated MDX
 * bodies through the guard and through the real compiler (tests/helpers/mdx-differential.ts).
 *
 *   npm run fuzz:guard                  10,000 bodies, a random seed (printed)
 *   npm run fuzz:guard -- 50000 1234    50,000 bodies from seed 1234
 *
 * Prints the count, the time, how many bodies were refused, and the smallest failing body if any.
 */
import fc from 'fast-check';
import { disagreement, mdxBody, verdicts } from '../tests/helpers/mdx-differential.ts';

const runs = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
let refused = 0;
const started = performance.now();
const result = fc.check(
  fc.property(mdxBody, (body) => {
    const v = verdicts(body);
    const problem = disagreement(v);
    if (problem) throw new Error(problem);
    if (v.guardRefuses) refused++;
  }),
  { numRuns: runs, seed },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failed) {
  console.error(
    `FAILED after ${result.numRuns} bodies (seed ${seed}, ${seconds} s)\n${fc.defaultReportMessage(result)}`,
  );
  process.exit(1);
}
console.log(
  `${result.numRuns} bodies, seed ${seed}, ${seconds} s: guard, build plugin, CMS editor and compiler agree (${refused} refused, ${result.numRuns - refused} accepted)`,
);
