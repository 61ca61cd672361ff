// A stand-in for the server process in the restart test: opens the database file given and
// runs the background worker until it is killed.
export {};

const [file] = process.argv.slice(2);
const { openDatabase, useDatabase } = await import('../../db/client');
const { startWorker } = await import('../../lib/jobs/worker');
useDatabase(openDatabase(file));
startWorker();
setInterval(() => {}, 1 << 30); // the worker's timer is unref'd; keep the process alive
