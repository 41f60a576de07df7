import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * One process per embedded data folder. PGlite runs PostgreSQL inside the process, without the
 * postmaster's own lock: two processes on one folder each write the same files and lose each
 * other's acknowledged writes. The holder's pid is kept in `vincula.lock` inside the folder
 * (created exclusively: a hard link of a complete file, so nobody reads it half written). A lock
 * whose process no longer runs on this machine (killed with SIGKILL, a power cut) is taken over.
 *
 * OS advisory locks (flock) would vanish with their process, but Node.js has none without a native
 * addon; proper-lockfile judges staleness by age (a killed server would block the folder until the
 * lock aged) and keeps no pid to name.
 */
export const LOCK_FILE = 'vincula.lock';

type Holder = { pid: number; host: string; since: string };

export type DataDirLock = { release(): void };

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder may still be writing to the folder (another machine: assume so). */
function alive(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  // Our own pid in a lock we do not hold: a previous life of this container, now gone.
  return holder.pid !== process.pid && running(holder.pid);
}

function lockedError(dataDir: string, holder: Holder): AppError {
  const where = holder.host === os.hostname() ? '' : ` en el equipo ${holder.host}`;
  const message =
    `La carpeta de datos ${dataDir} ya está en uso por otro proceso de Vincula (proceso ${holder.pid}${where}, ` +
    `desde ${holder.since}). Dos servidores sobre la misma carpeta perderían datos: detenga el otro ` +
    `proceso o use otra carpeta (VINCULA_DATA_DIR). Si ese proceso ya no existe, borre el archivo ` +
    `${path.join(dataDir, LOCK_FILE)}.`;
  return new AppError('CONFLICT', 409, [{ path: 'VINCULA_DATA_DIR', message }], message);
}

/** Takes the folder's lock, or throws 409 CONFLICT naming the process that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, JSON.stringify(mine));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const holder = readHolder(file);
      if (holder && alive(holder)) throw lockedError(dataDir, holder);
      // Stale (or unreadable: written by no version of this code). Another starter may be taking
      // it over at the same moment: only the one whose rename moves the stale file proceeds.
      const stale = `${file}.${process.pid}.stale`;
      try {
        fs.renameSync(file, stale);
      } catch {
        continue;
      }
      const moved = readHolder(stale);
      if (moved && alive(moved)) {
        // We moved a fresh lock someone took in between: put it back and yield to it.
        try {
          fs.linkSync(stale, file);
        } finally {
          fs.rmSync(stale, { force: true });
        }
        throw lockedError(dataDir, moved);
      }
      fs.rmSync(stale, { force: true });
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: never remove one that was taken over.
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  // A process that exits without closing the database (process.exit) still frees the folder.
  process.on('exit', release);
  return { release };
}
