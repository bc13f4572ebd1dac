// Starts a real tessera-server for a test file: a free loopback port, a fresh data folder, demo
// data, cheap Argon2; waits for /readyz; reads demo-credentials.json; stops it (SIGTERM, then
// SIGKILL) and removes the folder afterwards. TESSERA_E2E_KEEP=1 keeps the folder for a look.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, after } from 'node:test';
import { repoRoot, resourcesDir, serverBin } from './paths.mjs';
import { Outbox } from './mail.mjs';

const LOG_LIMIT = 200_000; // characters of server output kept for failure reports

async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function waitReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return { exited: true, last };
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { ready: true };
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code || e.message;
    }
    await sleep(100);
  }
  return { timedOut: true, last };
}

// The caller's environment without its TESSERA_* settings (a developer's TESSERA_DATABASE_URL or
// TESSERA_SMTP_URL must not leak into the test server): SQLite in the data folder, mail to the outbox.
function inheritedEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TESSERA_')));
}

// Every live server, so a crashing test run does not leave one behind.
const live = new Set();
process.on('exit', () => {
  for (const s of live) s.kill('SIGKILL');
});

class RunningServer {
  constructor({ child, url, port, dataDir, logs }) {
    this.child = child;
    this.url = url;
    this.port = port;
    this.dataDir = dataDir;
    this.outbox = new Outbox(dataDir);
    this._logs = logs;
    this.credentials = null;
    this.stopping = false;
    this.died = null; // {code, signal} when the server exited on its own
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.died = { code, signal };
    });
  }

  // Throws when the server exited by itself, so a crash under test shows as that and not as
  // pages that "refused to connect" (the file's after-hook then reports its output once).
  checkAlive() {
    if (this.died) {
      throw new Error(`tessera-server is not running: it exited (code ${this.died.code}, signal ${this.died.signal})`);
    }
  }

  // Adds what the server said (and whether it died) to a test failure.
  explain(error) {
    const tail = this.logs().slice(-4000);
    if (this.died) error.message += `\n*** tessera-server exited (code ${this.died.code}, signal ${this.died.signal}) ***`;
    if (tail) error.message += `\n--- server output (last lines) ---\n${tail}`;
    return error;
  }

  logs() {
    return this._logs.join('');
  }

  // The demo account with this role/second factor: {email, password, secondFactor, totpSecret}.
  demoAccount({ role = 'citizen', secondFactor = 'totp' } = {}) {
    const found = this.credentials?.accounts?.find(
      (a) => (a.role ?? 'citizen') === role && (!secondFactor || a.secondFactor === secondFactor),
    );
    if (!found) {
      throw new Error(
        `no demo ${role} with ${secondFactor} in ${path.join(this.dataDir, 'demo-credentials.json')}: ` +
          JSON.stringify(this.credentials),
      );
    }
    return found;
  }

  async stop() {
    this.stopping = true;
    live.delete(this.child);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const exited = once(this.child, 'exit');
      const timer = sleep(10_000).then(() => 'timeout');
      if ((await Promise.race([exited, timer])) === 'timeout') {
        this.child.kill('SIGKILL');
        await exited;
      }
    }
    if (process.env.TESSERA_E2E_KEEP === '1') {
      process.stderr.write(`# kept the server's data folder: ${this.dataDir}\n`);
    } else {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}

export async function startServer({ env = {}, demo = true, readyTimeoutMs = 60_000 } = {}) {
  if (!existsSync(serverBin)) {
    throw new Error(
      `tessera-server not found at ${serverBin}: build it (cmake --build build --target tessera-server) ` +
        'or set TESSERA_SERVER_BIN',
    );
  }
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-e2e-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logs = [];
    let logSize = 0;
    const child = spawn(serverBin, [], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...inheritedEnv(),
        TESSERA_HTTP_HOST: '127.0.0.1',
        TESSERA_HTTP_PORT: String(port),
        TESSERA_PUBLIC_URL: url,
        TESSERA_DATA_DIR: dataDir,
        TESSERA_DEMO: demo ? '1' : '0',
        TESSERA_ARGON2_MEMORY_KIB: '8192',
        TESSERA_ARGON2_ITERATIONS: '1',
        TESSERA_RESOURCES_DIR: resourcesDir,
        TESSERA_LOG_FORMAT: 'text',
        TESSERA_LOG_LEVEL: process.env.TESSERA_E2E_LOG_LEVEL || 'warning',
        ...env,
      },
    });
    live.add(child);
    const keep = (chunk) => {
      if (logSize > LOG_LIMIT) return;
      const text = chunk.toString();
      logs.push(text);
      logSize += text.length;
      if (process.env.TESSERA_E2E_SERVER_LOG === '1') process.stderr.write(text);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    const state = await waitReady(url, child, readyTimeoutMs);
    if (state.ready) {
      const server = new RunningServer({ child, url, port, dataDir, logs });
      if (demo) {
        const file = path.join(dataDir, 'demo-credentials.json');
        server.credentials = JSON.parse(await fs.readFile(file, 'utf8'));
      }
      return server;
    }
    live.delete(child);
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
    const output = logs.join('');
    lastError = new Error(
      `tessera-server (${serverBin}) did not become ready on ${url} ` +
        `(${state.exited ? `exited with ${child.exitCode ?? child.signalCode}` : `timed out; last: ${state.last}`}):\n${output}`,
    );
    // Another process may have taken the port between our check and the server's bind.
    if (!/listen|address already in use/i.test(output)) break;
  }
  throw lastError;
}

// For a test file: `const server = useServer();` starts one before its tests and stops it after.
// The returned object is filled in by the `before` hook (server.url, server.outbox, ...).
export function useServer(options) {
  const holder = {};
  let running;
  before(async () => {
    running = await startServer(options);
    Object.setPrototypeOf(holder, running);
  });
  after(async () => {
    const died = running?.died;
    await running?.stop();
    if (died) {
      // Not thrown: a failing hook would skip the other after-hooks (the browser's). The tests
      // already failed with checkAlive(); this says why.
      process.stderr.write(
        `# tessera-server exited during the tests (code ${died.code}, signal ${died.signal}); its output:\n` +
          running.logs().slice(-6000).replace(/^/gm, '#   ') + '\n',
      );
      process.exitCode = 1;
    }
  });
  return holder;
}
