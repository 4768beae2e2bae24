// A real WebDAV server for tests: Debian's Apache httpd with mod_dav and mod_dav_fs, on
// 127.0.0.1, with a configuration of its own in a temporary folder (see docs/sync-transport.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULES = '/usr/lib/apache2/modules';
const APACHE = '/usr/sbin/apache2';
/** The folder `/full/` is a tmpfs of this size, so a larger PUT gets a real 507 from the disk. */
export const FULL_BYTES = 256 * 1024;
/** Apache refuses a request body over this in `/small/` with 413. */
export const SMALL_BYTES = 1024;

export interface DavServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The folders' files on disk: `dav/` (read and write), `ro/` (reads only), `full/` (tmpfs),
   * `small/` (413 over SMALL_BYTES), `broken/` (unwritable on disk: 500). */
  root: string;
  user: string;
  password: string;
  /** Lines of the access log: `METHOD /path STATUS`, in order. */
  accessLog(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Apache's `{SHA}` htpasswd form: enough for a throwaway test user, and no extra tool to run. */
function htpasswdLine(user: string, password: string): string {
  return `${user}:{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}\n`;
}

function config(dir: string, port: number): string {
  const load = (name: string) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`;
  const modules = ['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  const auth = `AuthType Basic
    AuthName "papershelf-test"
    AuthBasicProvider file
    AuthUserFile "${dir}/htpasswd"`;
  return `${modules.map(load).join('\n')}
ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/httpd.pid"
ErrorLog "${dir}/error.log"
LogLevel warn
LogFormat "%m %U %>s" plain
CustomLog "${dir}/access.log" plain
# The children drop root (Apache refuses to serve as root); the folders below are theirs.
User www-data
Group www-data
Mutex file:${dir}/run default
DefaultRuntimeDir "${dir}/run"
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
DocumentRoot "${dir}/www"
DavLockDB "${dir}/run/davlock"
<Directory "${dir}/www">
    Dav On
    ${auth}
    Require valid-user
</Directory>
<Directory "${dir}/www/ro">
    <LimitExcept GET HEAD OPTIONS PROPFIND>
        Require all denied
    </LimitExcept>
</Directory>
<Directory "${dir}/www/small">
    LimitRequestBody ${SMALL_BYTES}
</Directory>
`;
}

async function waitUntilListening(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  throw new Error(`Apache did not start on port ${port} (exit ${child.exitCode}): ${log}`);
}

/**
 * Starts Apache. It runs in a mount namespace of its own (`unshare --mount`) where `www/full/` is a
 * tmpfs of FULL_BYTES: the mount is gone with the last process of the namespace, so a test that dies
 * leaves no mount behind. A shell between us and Apache reads its stdin: when this process ends,
 * however it ends, the pipe closes and the shell stops Apache, so no server outlives the tests.
 */
export async function startApache(options: { user?: string; password?: string } = {}): Promise<DavServer> {
  const user = options.user ?? 'zoë-researcher';
  const password = options.password ?? 'pässwörd-€-测试';
  const dir = await mkdtemp(join(tmpdir(), 'papershelf-dav-'));
  // mkdtemp makes 0700; Apache's children (www-data) must reach the folders inside.
  await chmod(dir, 0o755);
  for (const sub of ['run', 'www', 'www/dav', 'www/ro', 'www/full', 'www/small']) {
    await mkdir(join(dir, sub), { recursive: true });
    await chmod(join(dir, sub), 0o777);
  }
  await writeFile(join(dir, 'www/ro/readme.txt'), 'read only\n');
  // Root's and closed to Apache's children: a PUT there fails inside mod_dav_fs with a real 500.
  await mkdir(join(dir, 'www/broken'), { mode: 0o555 });
  await chmod(join(dir, 'www/broken'), 0o555);
  await writeFile(join(dir, 'htpasswd'), htpasswdLine(user, password));
  const port = await freePort();
  await writeFile(join(dir, 'httpd.conf'), config(dir, port));
  const script = `set -e
mount -t tmpfs -o size=${FULL_BYTES},mode=0777 tmpfs "$1/www/full"
${APACHE} -DFOREGROUND -f "$1/httpd.conf" &
pid=$!
exec 3<&0
(read _ <&3 || true; kill -TERM $pid 2>/dev/null) &
wait $pid`;
  const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', dir], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilListening(port, child, dir);
  } catch (error) {
    child.stdin?.end();
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    root: join(dir, 'www'),
    user,
    password,
    async accessLog() {
      const text = await readFile(join(dir, 'access.log'), 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean);
    },
    async stop() {
      child.stdin?.end();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
