import { boot } from '../src/boot';
import { CompiledQuery } from 'kysely';
import { checkIdentifier } from '../src/modules/subjects';
import path from 'node:path';
const dataDir = path.resolve('bench/.data/subjects-100000');
const deps = await boot({ config: { dataDir, sqlitePath: path.join(dataDir, 'xinyong.db') }, logLevel: 'warn' });
const k = deps.db.kysely;
const u = (await k.selectFrom('subjects').select('uscc').where('uscc', 'is not', null).limit(1).executeTakeFirst())!.uscc;
const N = 20000;
async function bench(label: string, f: () => unknown) { for (let i=0;i<1000;i++) await f(); const t = performance.now(); for (let i=0;i<N;i++) await f(); console.log(label, ((performance.now()-t)/N*1000).toFixed(1), 'us'); }
await bench('check', () => checkIdentifier(u));
await bench('build+compile', () => k.selectFrom('subjects').selectAll().where('uscc', '=', u).compile());
const cq = k.selectFrom('subjects').selectAll().where('uscc', '=', u).compile();
await bench('executeQuery compiled', () => k.executeQuery(cq));
await bench('executeQuery raw', () => k.executeQuery(CompiledQuery.raw(cq.sql, [u])));
await bench('full kysely', () => k.selectFrom('subjects').selectAll().where('uscc', '=', u).executeTakeFirst());
await deps.db.close();
