// `npm run backup [DIR]`: a consistent backup of the data, safe while the server runs (see
// lib/backup.ts and the README's "Backups"). DIR defaults to <data dir>/backups/stratus-<UTC time>.
import { BackupError, createBackup, defaultBackupPath } from '../lib/backup';
import { config } from '../lib/config';

const target = process.argv[2] ?? defaultBackupPath(config.dataDir);
try {
  const manifest = createBackup(config, target);
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`Backup written to ${target}: the database, ${manifest.files.length} stored files (${bytes} bytes)${manifest.authSecret ? ', the auth secret' : ''}.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
