/** The closing line of CI counts the reports' test cases (hand-written reports). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { junitCounts, playwrightCounts } from '../../../scripts/test-summary.ts';

test('JUnit: passed, failed and skipped cases', () => {
  const xml = `<testsuites><testsuite name="a">
<testcase name="one" time="0.1"/>
<testcase name="two" time="0.1"><failure message="x">boom</failure></testcase>
<testcase name="three" time="0.1"></testcase>
<testcase name="four"><skipped/></testcase>
</testsuite></testsuites>`;
  assert.deepEqual(junitCounts(xml), { passed: 2, failed: 1 });
});

test('Playwright: expected and flaky pass, unexpected fail', () => {
  assert.deepEqual(playwrightCounts({ stats: { expected: 40, unexpected: 2, flaky: 1 } }), { passed: 41, failed: 2 });
});
