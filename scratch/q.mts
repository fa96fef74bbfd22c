import { createTestApp } from '../src/platform/testing';
const t = await createTestApp();
const r = await t.app.inject({ method: 'GET', url: '/api/v1/public/subjects?q=a&bogus=1' });
console.log(r.statusCode, r.body);
await t.cleanup();
