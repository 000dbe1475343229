/**
 * The publish workflow (.github/workflows/publish.yml): valid for GitHub Actions (checked against the
 * published workflow schema by @action-validator/core, offline) and doing what docs/deploying.md promises.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { validateWorkflow } from '@action-validator/core';
import { projectRoot } from '../helpers/paths.ts';

const text = readFileSync(join(projectRoot, '.github', 'workflows', 'publish.yml'), 'utf8');

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] }; schedule: { cron: string }[] };
  jobs: Record<string, { steps: Step[]; needs?: string; permissions?: Record<string, string> }>;
}
const workflow = yaml.load(text) as Workflow;
const steps = workflow.jobs.build!.steps;
const index = (test: (s: Step) => boolean, what: string) => {
  const i = steps.findIndex(test);
  if (i < 0) throw new Error(`the build job has no step that ${what}`);
  return i;
};

describe('.github/workflows/publish.yml', () => {
  it('is a valid GitHub Actions workflow', () => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it('the validator refuses a broken workflow (so the check above can fail)', () => {
    const broken = text.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest');
    expect(JSON.stringify(validateWorkflow(broken).errors)).toContain("Additional property 'runs_on' is not allowed");
  });

  it('runs on every push to the content branch, once a day and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.schedule).toEqual([{ cron: '17 3 * * *' }]);
    expect(Object.keys(workflow.on)).toContain('workflow_dispatch');
  });

  it('installs, audits, checks, tests and builds in that order, then deploys to GitHub Pages', () => {
    const order = [
      index(
        (s) => /apt-get install .*chromium nginx libnginx-mod-http-brotli-static/s.test(s.run ?? ''),
        'installs chromium and nginx',
      ),
      index((s) => s.run === 'npm ci --no-audit --no-fund', 'runs npm ci'),
      index((s) => s.run === 'npm audit --omit=dev --audit-level=high', 'audits'),
      index((s) => s.run === 'npm run check:content', 'checks the content'),
      index((s) => s.run === 'npm test', 'runs the tests'),
      index((s) => s.run === 'npm run build', 'builds'),
      index((s) => s.uses?.startsWith('actions/upload-pages-artifact@') === true, 'uploads dist/'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });
});
