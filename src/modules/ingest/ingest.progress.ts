/**
 * Live progress of the batches this process is running. Counts reach the
 * database only when the batch's transaction commits (a SQLite writer holds
 * its one connection until then), so the status endpoint reads them here.
 */
export interface BatchProgress {
  rowsRead: number;
  accepted: number;
  rejected: number;
  phase: 'reading' | 'committing' | 'done';
  startedAt: number;
}

const running = new Map<string, BatchProgress>();

export function startProgress(batchId: string): BatchProgress {
  const progress: BatchProgress = { rowsRead: 0, accepted: 0, rejected: 0, phase: 'reading', startedAt: Date.now() };
  running.set(batchId, progress);
  return progress;
}

export function progressOf(batchId: string): BatchProgress | undefined {
  return running.get(batchId);
}

export function endProgress(batchId: string): void {
  running.delete(batchId);
}
