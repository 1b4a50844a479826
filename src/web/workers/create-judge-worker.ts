/** The judge worker, bundled by Vite as a module worker. */
export const createJudgeWorker = (): Worker =>
  new Worker(new URL('./judge.worker.ts', import.meta.url), {
    type: 'module',
    name: 'inlet-judge',
  });
