/**
 * Prints the closing line of a test run, `N passed, N failed`, from the reports the test stages
 * write: the unit and integration tests' JUnit XML (.reports/unit.xml, .reports/integration.xml)
 * and Playwright's JSON (.reports/e2e.json).
 * A stage that did not run (because an earlier one failed) is named, so a short count is not
 * mistaken for a full run. Exit code 0; .ci/run keeps the exit code of `npm test`.
 *
 * Usage: node scripts/test-summary.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runMain } from './lib/args.ts';

/** Passed and failed test cases of a JUnit XML report. */
export function junitCounts(xml: string): { passed: number; failed: number } {
  const cases = xml.match(/<testcase[\s>][\s\S]*?(?:<\/testcase>|\/>)/g) ?? [];
  const failed = cases.filter((c) => /<failure[\s>]/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped[\s>/]/.test(c)).length;
  return { passed: cases.length - failed - skipped, failed };
}

/** Passed and failed tests of a Playwright JSON report. */
export function playwrightCounts(json: { stats: { expected: number; unexpected: number; flaky: number } }): { passed: number; failed: number } {
  return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
}

async function main(): Promise<void> {
  const dir = join(ROOT, '.reports');
  const parts: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const stage of ['unit', 'integration']) {
    const file = join(dir, `${stage}.xml`);
    if (existsSync(file)) {
      const c = junitCounts(readFileSync(file, 'utf8'));
      passed += c.passed;
      failed += c.failed;
      parts.push(`${stage} ${c.passed}/${c.passed + c.failed}`);
    } else parts.push(`${stage} tests did not run`);
  }
  const e2eFile = join(dir, 'e2e.json');
  if (existsSync(e2eFile)) {
    const c = playwrightCounts(JSON.parse(readFileSync(e2eFile, 'utf8')));
    passed += c.passed;
    failed += c.failed;
    parts.push(`browser ${c.passed}/${c.passed + c.failed}`);
  } else parts.push('browser tests did not run');
  console.log(`${passed} passed, ${failed} failed (${parts.join('; ')})`);
}

if (import.meta.main) runMain(main);
