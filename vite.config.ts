import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./web/', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web/', import.meta.url));
const frameworkModules =
  /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|i18next|react-i18next)[\\/]/;

/**
 * In `vite dev` there is no platform server in front of the two pages, so
 * mirror its routing: `/console` and `/console/*` get the console page.
 * Everything else falls through to Vite's own SPA fallback (index.html).
 */
function consoleRouting(): Plugin {
  return {
    name: 'xinyong:console-routing',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (path === '/console' || path.startsWith('/console/')) {
          req.url = '/console.html';
        }
        next();
      });
    },
  };
}

/**
 * `web/public/sw.js` is copied verbatim, so it would be byte-identical across
 * releases and browsers would never install a new worker. Stamping a build id
 * derived from the emitted file names makes every release a new worker whose
 * `activate` drops the previous release's caches.
 */
function stampServiceWorker(): Plugin {
  let fileNames: string[] = [];
  return {
    name: 'xinyong:stamp-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      fileNames = Object.keys(bundle).sort();
    },
    async closeBundle() {
      const swPath = `${outDir}sw.js`;
      const buildId = createHash('sha256').update(fileNames.join('\n')).digest('hex').slice(0, 12);
      const source = await readFile(swPath, 'utf8');
      await writeFile(swPath, source.replace("'__BUILD_ID__'", JSON.stringify(buildId)));
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compressible = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes `.br` and `.gz` next to each text file of the build, at maximum
 * compression, so the server can send them as they are (@fastify/static
 * `preCompressed: true`) instead of compressing on every request or not at
 * all. sw.js is left out: another plugin rewrites it after the bundle is written.
 */
function precompress(): Plugin {
  return {
    name: 'xinyong:precompress',
    apply: 'build',
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      await Promise.all(
        entries
          .filter((entry) => entry.isFile() && compressible.test(entry.name) && entry.name !== 'sw.js')
          .map(async (entry) => {
            const path = `${entry.parentPath}/${entry.name}`;
            const source = await readFile(path);
            if (source.length < 1024) return;
            await writeFile(`${path}.gz`, await gzipAsync(source, { level: 9 }));
            await writeFile(
              `${path}.br`,
              await brotli(source, {
                params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
              }),
            );
          }),
      );
    },
  };
}

// Vite reads the default export; the one default export in web code is this config.
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react(), consoleRouting(), stampServiceWorker(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Chromium 100+/Safari 15+ cover the browsers government PCs and phones run today.
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: `${webRoot}index.html`,
        console: `${webRoot}console.html`,
      },
      output: {
        codeSplitting: {
          // React, the router and i18n change rarely and both pages load all of them:
          // one long-cached chunk. antd stays split per use, so the public site
          // never downloads the console's Menu, Form and Layout.
          groups: [{ name: 'framework', test: frameworkModules }],
        },
      },
    },
  },
  server: {
    // `XINYONG_API=http://127.0.0.1:3000 npx vite` to develop against a running platform.
    proxy: { '/api': process.env.XINYONG_API ?? 'http://127.0.0.1:3000' },
  },
});
