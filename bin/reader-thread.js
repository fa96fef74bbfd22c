// A reader thread of the server (src/platform/readers): TypeScript through tsx, as bin/xinyong.js.
import { register } from 'tsx/esm/api';

register();
await import('../src/reader-thread.ts');
