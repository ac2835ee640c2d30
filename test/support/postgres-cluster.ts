// A throwaway PostgreSQL cluster from Debian's binaries (/usr/lib/postgresql/N/bin), for tests and
// benches: initdb into a temp folder, a free port on 127.0.0.1, the socket in that folder, no fsync
// (nothing here must survive a power cut), trust auth on loopback. initdb and postgres refuse to run
// as root, so as root they run as the `postgres` user (created by the Debian package).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  /** Stops and starts the server on the same data and port (connections are dropped). */
  restart(): void;
  /** Stops the server (fast shutdown: sessions are terminated, as in a managed database's restart). */
  stop(): void;
  /** Starts it again after stop(). */
  start(): void;
  /** Stops and deletes everything. */
  destroy(): void;
}

/** POSTGRES_BIN_DIR, or the newest Debian PostgreSQL's bin folder; undefined when none is installed. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.POSTGRES_BIN_DIR;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export const POSTGRES_INSTALL_HINT = 'sudo apt-get install -y postgresql';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ClusterOptions {
  /** Durable like a real server (fsync on) but commits acknowledged before the WAL flush — benches. */
  durable?: boolean;
  binDir?: string;
}

const CLUSTER_PREFIX = 'incident-pg-';
/** Beside the data folder: the pid of the process that started the cluster (and should destroy it). */
const OWNER_FILE = 'owner.pid';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Clusters whose owner is gone (a test run or bench killed hard never ran destroy()): their server is
 * still running, holding a port and memory. Stopped and deleted before a new one starts.
 */
function reapAbandonedClusters(binDir: string, run: (args: string[], cwd: string) => void): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const home = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(home, OWNER_FILE), 'utf8'));
    } catch {
      continue; // being created right now, or not ours
    }
    if (!Number.isInteger(owner) || isAlive(owner)) continue;
    try {
      if (existsSync(join(home, 'data', 'postmaster.pid'))) run([join(binDir, 'pg_ctl'), '-D', join(home, 'data'), '-m', 'immediate', '-w', 'stop'], home);
    } catch {
      // Already stopped: only the folder is left.
    }
    rmSync(home, { recursive: true, force: true });
  }
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const binDir = options.binDir ?? postgresBinDir();
  if (!binDir) throw new Error(`PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install it with: ${POSTGRES_INSTALL_HINT}`);
  reapAbandonedClusters(binDir, runAsPostgres);
  const home = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(home, OWNER_FILE), String(process.pid));
  const data = join(home, 'data');
  if (isRoot()) chownSync(home, postgresUid(), postgresGid());
  const run = (args: string[]) => runAsPostgres(args, home);
  run([join(binDir, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${home}`,
    '-c listen_addresses=127.0.0.1',
    ...(options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
    '-c synchronous_commit=off',
    '-c max_connections=300',
  ].join(' ');
  const start = () => run([join(binDir, 'pg_ctl'), '-D', data, '-o', settings, '-l', join(home, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = () => run([join(binDir, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart() {
      stop();
      start();
    },
    stop() {
      if (running) stop();
      running = false;
    },
    start() {
      if (!running) start();
      running = true;
    },
    destroy() {
      try {
        if (running) stop();
      } finally {
        running = false;
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}

/** initdb and postgres refuse root: as root, run them as the `postgres` user. */
function runAsPostgres(args: string[], cwd: string): void {
  const command = isRoot() ? 'runuser' : args[0] ?? '';
  const argv = isRoot() ? ['-u', 'postgres', '--', ...args] : args.slice(1);
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

function postgresId(flag: '-u' | '-g'): number {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error('running as root but there is no `postgres` user (install the Debian postgresql package)');
  return Number(result.stdout.trim());
}
const postgresUid = () => postgresId('-u');
const postgresGid = () => postgresId('-g');
