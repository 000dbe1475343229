/**
 * The guard against the real compiler, on generated bodies (see tests/helpers/mdx-differential.ts):
 * every body the guard accepts compiles with nothing unsafe in the compiler's tree, every body whose
 * compiled tree holds something unsafe is refused, and the build's plugin and the CMS editor refuse
 * exactly what the content check refuses. Fixed seed, 1,000 bodies; `npm run fuzz:guard` runs more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dangerIn, disagreement, mdxBody, verdicts } from '../helpers/mdx-differential.ts';
import { mdxToHast } from 'satteri';

describe('differential: guard vs Sätteri', () => {
  it('the oracle sees what reaches the page (it can fail)', () => {
    const tree = (body: string) => mdxToHast(body, { features: { gfm: true }, position: false }) as never;
    expect(dangerIn(tree('[a](javascript:alert(1)) ![b](https://tracker.example/p.png)\n'))).toEqual([
      'link javascript:alert(1)',
      'image https://tracker.example/p.png',
    ]);
    expect(dangerIn(tree('T[^1]\n\n[^1]: {x}\n'))).toEqual(['mdxFlowExpression']);
    expect(dangerIn(tree('<Map />\n'))).toEqual(['element <Map>']);
    expect(dangerIn(tree('## Kop\n\n[a](/x)\n'))).toEqual([]);
  });

  it('1,000 generated bodies: guard, build plugin, CMS editor and compiler agree', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mdxBody, (body) => {
        const v = verdicts(body);
        if (!v.guardRefuses) accepted++;
        expect(disagreement(v), body).toBeUndefined();
      }),
      { seed: 20261203, numRuns: 1000 },
    );
    // The generator must produce both verdicts in good numbers, or the property proves little.
    expect(accepted).toBeGreaterThan(200);
    expect(accepted).toBeLessThan(800);
    // About 10 s on an idle machine (three parses and a compile per body); generous for a busy one.
  }, 180_000);
});
