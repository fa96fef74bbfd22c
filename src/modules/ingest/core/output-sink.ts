/**
 * Where generated files go: a Buffer (small files, HTTP bodies), a file path
 * (the CLI), or a writable stream (an HTTP reply), with back-pressure honoured
 * so that a report of 100,000 rejected rows never sits whole in memory
 * unless a Buffer was asked for.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';

export type OutputTarget = { readonly path: string } | { readonly stream: Writable };

export interface Sink {
  /** The stream to write to (exceljs writes straight into it). */
  readonly stream: Writable;
  write(chunk: string | Buffer): Promise<void>;
  /** Resolves once every byte is written (the Buffer when no target was given). */
  done(): Promise<Buffer | undefined>;
}

/** A sink to `target`, or to memory when no target is given. */
export function openSink(target?: OutputTarget): Sink {
  const chunks: Buffer[] = [];
  let stream: Writable;
  if (!target) {
    const memory = new PassThrough();
    memory.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream = memory;
  } else if ('path' in target) {
    stream = createWriteStream(target.path);
  } else {
    stream = target.stream;
  }
  return {
    stream,
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async done() {
      if (!stream.writableEnded) stream.end();
      await finished(stream);
      return target ? undefined : Buffer.concat(chunks);
    },
  };
}
