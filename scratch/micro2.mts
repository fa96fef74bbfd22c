import { boot } from '../src/boot';
import Database from 'better-sqlite3';
import { findSubjectByIdentifier, subjectsEnv, checkIdentifier } from '../src/modules/subjects';
import path from 'node:path';
const dataDir = path.resolve('bench/.data/subjects-100000');
const deps = await boot({ config: { dataDir, sqlitePath: path.join(dataDir, 'xinyong.db') }, logLevel: 'warn' });
const env = subjectsEnv(deps);
const raw = new Database(path.join(dataDir, 'xinyong.db'), { readonly: true });
const st = raw.prepare('SELECT * FROM subjects WHERE uscc = ?');
const us = (raw.prepare("SELECT uscc FROM subjects WHERE uscc IS NOT NULL ORDER BY random() LIMIT 5000").all() as {uscc:string}[]).map(r=>r.uscc);
for (let round=0; round<3; round++) {
let t = performance.now(); for (const u of us) st.get(u); const rawT = (performance.now()-t)/us.length*1000;
t = performance.now(); for (const u of us) checkIdentifier(u); const chk = (performance.now()-t)/us.length*1000;
t = performance.now(); for (const u of us) await deps.db.kysely.selectFrom('subjects').selectAll().where('uscc','=',u).executeTakeFirst(); const ky = (performance.now()-t)/us.length*1000;
t = performance.now(); for (const u of us) await findSubjectByIdentifier(env, deps.db.kysely, u); const svc = (performance.now()-t)/us.length*1000;
console.log({rawT, chk, ky, svc});
}
await deps.db.close();
