import { fileURLToPath } from 'node:url';

/** Absolute paths, so the harness works whatever directory Vitest is started from. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const webDir = `${repoRoot}web/`;
export const distDir = `${repoRoot}dist/web/`;
export const artifactsDir = `${repoRoot}e2e/artifacts/`;
