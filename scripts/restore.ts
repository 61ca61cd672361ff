// `npm run restore DIR [--force]`: puts a backup made by `npm run backup` back into
// STRATUS_DATA_DIR (and STRATUS_STORAGE_DIR) of a stopped server (see lib/backup.ts).
import { BackupError, restoreBackup } from '../lib/backup';
import { config } from '../lib/config';

const args = process.argv.slice(2);
const force = args.includes('--force');
const [source, ...extra] = args.filter((a) => a !== '--force');
if (!source || extra.length > 0) {
  console.error('Usage: npm run restore -- DIR [--force]');
  process.exit(2);
}
try {
  const manifest = restoreBackup(source, config, { force });
  console.log(`Restored the backup of ${manifest.createdAt} into ${config.dataDir} (${manifest.files.length} stored files). Start the server now.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
}
