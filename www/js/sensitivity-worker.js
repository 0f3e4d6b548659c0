// The Monte Carlo worker: runs a Simulation in chunks off the page's main
// thread, reports progress after each chunk, and stops when asked.
//
// Messages in:  { type: 'run', id, backlog, options }   start (replaces any run)
//               { type: 'cancel', id }                  stop after this chunk
// Messages out: { type: 'progress', id, progress }      after every chunk
//               { type: 'done', id, result }            finished or cancelled
//               { type: 'error', id, error: { message, code, path } }

import init, { Simulation } from '../../pkg/twosided.js';

const ready = init();
// About fifty progress updates per run, whatever its size.
const UPDATES = 50;
let current = null;

const pause = () => new Promise((resume) => setTimeout(resume, 0));

async function run({ id, backlog, options }) {
  const job = { id, cancel: false };
  current = job;
  let simulation;
  try {
    await ready;
    simulation = new Simulation(backlog, options);
  } catch (error) {
    postMessage({ type: 'error', id, error: { message: error?.message ?? String(error), code: error?.code ?? 'ERROR', path: error?.path ?? '' } });
    return;
  }
  try {
    const total = simulation.progress().total;
    const chunk = Math.max(50, Math.ceil(total / UPDATES));
    for (;;) {
      if (job.cancel || current !== job) simulation.cancel();
      const progress = simulation.step(chunk);
      postMessage({ type: 'progress', id, progress });
      if (progress.finished || progress.cancelled) break;
      // Let a 'cancel' message in between chunks.
      await pause();
    }
    postMessage({ type: 'done', id, result: simulation.result() });
  } catch (error) {
    postMessage({ type: 'error', id, error: { message: error?.message ?? String(error), code: error?.code ?? 'ERROR', path: error?.path ?? '' } });
  } finally {
    simulation.free();
  }
}

self.onmessage = ({ data }) => {
  if (data?.type === 'run') run(data);
  else if (data?.type === 'cancel' && current && current.id === data.id) current.cancel = true;
};
