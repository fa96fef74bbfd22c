#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so there is no build step
// between a checkout and a running platform; the web app is built by `start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
