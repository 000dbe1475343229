/**
 * The local CMS backend's verdict on API requests (scripts/lib/cms-server/actions.ts), for the git mode's
 * editorial-workflow actions the fs-mode HTTP tests (tests/e2e/cms-backend.test.ts) cannot reach: decap-server
 * turns their collection and slug into git branch names and checks out the branch a request names, so those
 * must be a collection, a slug and the configured branch.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeAction, type ActionContext } from '../../scripts/lib/cms-server/actions.ts';
import { cmsLayout } from '../../scripts/lib/cms-server/paths.ts';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'shk-cms-actions-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git: ActionContext = { layout: cmsLayout(), root, mode: 'git', branch: 'main' };
const fs: ActionContext = { ...git, mode: 'fs' };
const judge = (action: string, params: Record<string, unknown>, ctx = git) =>
  judgeAction({ action, params: { branch: 'main', ...params } }, ctx);

describe('CMS backend actions in git mode', () => {
  it('allows the workflow actions on a real collection and slug', () => {
    expect(judge('unpublishedEntries', {}).refusal).toBeUndefined();
    expect(judge('unpublishedEntry', { id: 'practices/een-goede-praktijk' }).refusal).toBeUndefined();
    expect(judge('unpublishedEntry', { collection: 'news', slug: 'nieuws-1' }).refusal).toBeUndefined();
    expect(
      judge('updateUnpublishedEntryStatus', { collection: 'events', slug: 'congres', newStatus: 'pending_review' }),
    ).toMatchObject({ writes: true, refusal: undefined });
    expect(judge('publishUnpublishedEntry', { collection: 'pages', slug: 'over-ons' }).refusal).toBeUndefined();
    expect(
      judge('unpublishedEntryDataFile', {
        collection: 'practices',
        slug: 'x',
        id: 'i',
        path: 'content/practices/en/x.mdx',
      }).refusal,
    ).toBeUndefined();
  });

  it.each([
    ['unpublishedEntry', { collection: 'practices', slug: '--upload-pack=touch /tmp/x' }, 'is not a slug'],
    ['unpublishedEntry', { id: 'practices/../../main' }, 'is not a slug'],
    ['deleteUnpublishedEntry', { collection: '.git', slug: 'x' }, '".git" is not a collection of the CMS'],
    ['publishUnpublishedEntry', { collection: 'practices', slug: 'A B' }, 'is not a slug'],
    [
      'updateUnpublishedEntryStatus',
      { collection: 'practices', slug: 'x', newStatus: 'published; rm -rf' },
      'is not a workflow status',
    ],
    [
      'unpublishedEntryDataFile',
      { collection: 'practices', slug: 'x', id: 'i', path: 'package.json' },
      'is not an entry file of the CMS',
    ],
    [
      'unpublishedEntryMediaFile',
      { collection: 'practices', slug: 'x', id: 'i', path: '.git/config' },
      'is not a file in an upload folder',
    ],
    ['getEntry', { path: 'content/settings/site.yaml', branch: 'cms/other' }, 'works on branch "main" only'],
    ['persistEntry', { branch: '--orphan', dataFiles: [], assets: [] }, 'works on branch "main" only'],
  ])('refuses %s %j', (action, params, message) => {
    expect(judge(action, params).refusal?.error).toContain(message);
  });

  it('refuses the workflow actions in fs mode, where decap-server has none', () => {
    for (const action of [
      'unpublishedEntries',
      'unpublishedEntry',
      'publishUnpublishedEntry',
      'deleteUnpublishedEntry',
    ]) {
      expect(judge(action, { collection: 'practices', slug: 'x' }, fs).refusal?.error, action).toContain(
        `unknown action "${action}"`,
      );
    }
  });

  it('counts only reads as reads', () => {
    const reads = [
      'info',
      'entriesByFolder',
      'entriesByFiles',
      'getEntry',
      'getMedia',
      'getMediaFile',
      'getDeployPreview',
      'unpublishedEntries',
      'unpublishedEntry',
    ];
    const writes = [
      'persistEntry',
      'persistMedia',
      'deleteFile',
      'deleteFiles',
      'deleteUnpublishedEntry',
      'updateUnpublishedEntryStatus',
      'publishUnpublishedEntry',
      'anything',
    ];
    for (const action of reads) expect(judge(action, {}).writes, action).toBe(false);
    for (const action of writes) expect(judge(action, {}).writes, action).toBe(true);
  });
});
