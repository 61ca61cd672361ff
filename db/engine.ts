// Which database this process runs on, fixed when it starts (issue 15): PostgreSQL when
// DATABASE_URL names one (several app servers can share it), else the embedded SQLite file.
// Read straight from the environment, not lib/config, because db/schema.ts picks its tables
// with it before anything else is loaded.
export const postgresUrl: string | undefined = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined;

export const onPostgres = postgresUrl !== undefined;
