// Worker entry: the sources are TypeScript, so the worker registers tsx (as bin/marsad.js does)
// before loading the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./claims-worker.ts');
