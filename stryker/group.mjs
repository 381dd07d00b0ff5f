// One mutation-testing group: the modules it mutates and only the test files that are about them (issue #17).
// `npm run mutate` runs every group; `npm run mutate -- shared` runs one (scripts/mutate.mjs).

/** A Stryker config for one group; reports go to reports/mutation/<name>.json. */
export function group(name, { mutate, testFiles }) {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // related: false, so exactly `testFiles` run (vitest's related mode would pull in every importer).
    vitest: { configFile: 'vitest.config.mts', related: false },
    mutate,
    testFiles,
    coverageAnalysis: 'perTest',
    // Static mutants (module-level initialisers: a `const f = () => …`, a regex constant) are activated only when a
    // module is first loaded, and the vitest runner keeps modules loaded between mutants, so it reports them all as
    // survivors whatever the tests do. They are left out, as in the issue's own measurement.
    ignoreStatic: true,
    // The machine is shared: one worker unless the caller passes --concurrency.
    concurrency: 1,
    timeoutMS: 10_000,
    reporters: ['progress', 'json', 'html'],
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    tempDirName: `.stryker-tmp/${name}`,
    ignorePatterns: [
      'out',
      'dist',
      'docs',
      'reports',
      '.test-reports',
      'test-results',
      'playwright-report',
    ],
    cleanTempDir: 'always',
    thresholds: { high: 95, low: 85, break: null },
  }
}
