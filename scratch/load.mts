import { boot } from '/work/main/src/boot';
import { registerSubjectsBulk, subjectsEnv, searchSubjects } from '/work/main/src/modules/subjects';
import { generateDemoSubjects } from '/work/main/src/demo/subjects.generator';
import { systemCaller } from '/work/main/src/platform/context';
const n = Number(process.argv[2] ?? 100000);
const deps = await boot({ config: { dataDir: '/tmp/scratch/d' + n }, logLevel: 'warn' });
const env = subjectsEnv(deps);
const used = new Set<string>();
let t = Date.now();
const existingN = 0;
for (let off = existingN; off < n; off += 5000) {
  const b = generateDemoSubjects({ seed: 2017, divisionCode: '110108', startIndex: off, count: 5000 }, used);
  const o = await registerSubjectsBulk(env, systemCaller('x'), b, 'demo');
  if (o.errors.length) { console.log(JSON.stringify(o.errors.slice(0,2))); break; }
}
console.log('insert', n, (Date.now() - t) / 1000, 's');
for (const q of ['科技', '中关村', '星河智慧', '北京', '有限公司', '网络', '华清']) {
  t = performance.now();
  const r = await searchSubjects(env, { q, limit: 20 }, { publicOnly: true });
  console.log(q, r.total, r.items.length, (performance.now() - t).toFixed(1), 'ms', r.items[0]?.subject.name);
}
await deps.db.close();
