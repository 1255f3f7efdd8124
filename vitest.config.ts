import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // end-to-end tests spawn the CLI (tsx start-up, KB and tagger load) several times: on a loaded
    // 2-core machine that takes tens of seconds, which is not a failure
    testTimeout: 60000,
    pool: 'forks',
  },
});
