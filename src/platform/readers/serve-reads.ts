/** The reader thread's side of platform/readers: run tasks as they arrive, answer with JSON or the error. */
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import type { AppDeps } from '../module';
import { transportError, type FromReader, type ReadTasks, type ToReader } from '.';

export function serveReads(tasks: ReadTasks, deps: AppDeps): void {
  const port = parentPort;
  if (!port) throw new Error('serveReads runs on a reader thread');
  port.on('message', (message: ToReader) => {
    void (async (): Promise<FromReader> => {
      try {
        const task = tasks[message.task];
        if (!task) throw new Error(`unknown read task ${message.task}`);
        const result = await task.run(deps, message.args);
        // As fastify-type-provider-zod serializes a route's answer: encode with the schema, then stringify.
        return { id: message.id, json: JSON.stringify(z.encode(task.response, result)) };
      } catch (error) {
        return { id: message.id, failure: transportError(error) };
      }
    })().then((answer) => port.postMessage(answer));
  });
  port.postMessage({ ready: true } satisfies FromReader);
}
