// A reader thread of the server (src/platform/readers): TypeScript through tsx, as bin/xinyong.js.
// `workerData.module` names another reader module (the pool's own tests use one).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.module ?? '../src/reader-thread.ts');
