// `npm run db:reset`: throw the database away and seed a fresh one with the demo people.
process.env.STRATUS_MODE ??= 'demo';

import fs from 'node:fs';

const { config } = await import('../lib/config');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(config.databaseFile + suffix, { force: true });
const { prepareDatabase } = await import('./prepare-db');
const demo = await prepareDatabase();
console.log(`Fresh database at ${config.databaseFile}; demo sign-ins: ${demo.map((d) => d.email).join(', ')} (password ${demo[0]?.password}).`);
