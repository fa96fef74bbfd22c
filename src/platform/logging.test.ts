import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, maskPersonalNumbers } from './logging';

describe('logging', () => {
  it('masks citizen ID numbers in text but leaves USCCs and other numbers alone', () => {
    expect(maskPersonalNumbers('/api/v1/subjects/lookup?identifier=11010519491231002X&purpose=x')).toBe(
      '/api/v1/subjects/lookup?identifier=110105********002X&purpose=x',
    );
    expect(maskPersonalNumbers('91350100M000100Y43 and 2026-11-28 and 123456')).toBe(
      '91350100M000100Y43 and 2026-11-28 and 123456',
    );
  });

  it('never writes an ID number or a password from a logged object', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info({ req: { method: 'GET', url: '/x?id=440524188001010014', id: 'r1' } }, 'incoming');
    logger.info({ user: { password: 'Secret@2026', idNumber: '440524188001010014' } }, 'created');
    const out = lines.join('');
    expect(out).not.toContain('440524188001010014');
    expect(out).not.toContain('Secret@2026');
    expect(out).toContain('440524********0014');
  });
});
