// Run by crash.test.ts as `node --import tsx crash-child.ts <db> <batchSize>`: inserts batch after
// batch until it is killed, printing the number of each batch once it has committed.
import { openSqliteStore } from '../../src/store/index.js';
import { numbered } from './fixtures.js';
import { testAnalyzer } from './test-analyzer.js';

const [path, size] = process.argv.slice(2);
const batchSize = Number(size);
const store = await openSqliteStore({ path: path!, analyzer: testAnalyzer });
for (let k = 0; k < 100_000; k++) {
  await store.putDocuments(numbered(batchSize, k * batchSize, 'crash/'));
  process.stdout.write(`${k}\n`);
}
await store.close();
