#!/usr/bin/env node
// Adds up Playwright and Jest JSON reports (usage: summarize-tests.js PLAYWRIGHT.json JEST.json...) into one line: "N passed, M failed[, K skipped]".
// A report that is missing counts as one failure, so a step that crashed cannot look green.
const fs = require('fs');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const [playwrightFile, ...jestFiles] = process.argv.slice(2);

for (const jestFile of jestFiles) {
  const jest = readJson(jestFile);
  if (jest) {
    passed += jest.numPassedTests;
    failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
    skipped += jest.numPendingTests + (jest.numTodoTests || 0);
  } else {
    console.error(`no Jest report at ${jestFile}`);
    failed += 1;
  }
}

const playwright = readJson(playwrightFile);
if (playwright && playwright.stats) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  failed += (playwright.errors || []).length;
} else {
  console.error(`no Playwright report at ${playwrightFile}`);
  failed += 1;
}

console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
