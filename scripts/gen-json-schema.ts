// npm run gen:schema — writes schema/marsad.document.v1.schema.json from the zod model.
// A test fails when the shipped file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../src/model/index.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}marsad.document.v1.schema.json`;
writeFileSync(file, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
