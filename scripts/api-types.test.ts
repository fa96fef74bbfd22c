import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPI3 } from 'openapi-typescript';
import { apiSchemaFile, buildOpenApiDocument, renderApiSchema } from './api-types';

describe('web/shared/api-schema.d.ts', () => {
  let document: OpenAPI3;
  beforeAll(async () => {
    document = await buildOpenApiDocument();
  });

  it('is what the server schemas generate today', async () => {
    const fresh = await renderApiSchema(structuredClone(document));
    const committed = readFileSync(apiSchemaFile, 'utf8');
    // A boolean rather than a diff of thousands of lines: the message says the one thing to do.
    expect(
      committed === fresh,
      'web/shared/api-schema.d.ts is stale (the server API changed): run `npm run api:types`, commit the file, ' +
        'and let `npm run check` show what the web app must follow',
    ).toBe(true);
  });

  it('does not depend on the order routes are registered in', async () => {
    const reversed = { ...document, paths: Object.fromEntries(Object.entries(document.paths ?? {}).reverse()) };
    expect(await renderApiSchema(structuredClone(reversed))).toBe(await renderApiSchema(structuredClone(document)));
  });
});
