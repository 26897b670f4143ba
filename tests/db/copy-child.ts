/**
 * A child process for tests/db/backup-kill.test.ts, killed with SIGKILL half-way:
 *   copy-child.ts backup FILE          — a copy into backups/, slowed to one page per step
 *   copy-child.ts migrate FILE FOLDER  — opening FILE with the migrations in FOLDER (copy, then migration)
 * It prints `ready` just before the work starts and `done` if it ever finishes.
 */
import { backupDatabase } from '../../db/backup';
import { openDatabase } from '../../db/open';

async function main(): Promise<void> {
  const [mode, file, folder] = process.argv.slice(2);
  if (mode === 'backup') {
    const db = openDatabase(file!);
    process.stdout.write('ready\n');
    await backupDatabase(db.sqlite, db.path, 'manual', { pagesPerStep: 1 });
  } else {
    process.stdout.write('ready\n');
    openDatabase(file!, { migrationsFolder: folder! });
  }
  process.stdout.write('done\n');
}

void main();
