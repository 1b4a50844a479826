import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYLESS_PORT } from '../pages/run-servers.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** A port of its own, beside the three servers the config starts. */
export const OWN_PORT = Number(process.env.E2E_OWN_PORT ?? KEYLESS_PORT + 1);

/**
 * An Inlet server a spec starts, kills and starts again on one data directory (as a crash
 * and a restart do), serving the UI the config's main entry built. It runs main() directly,
 * so it never rebuilds dist/ under the main server.
 */
export class OwnServer {
  readonly base = `http://127.0.0.1:${OWN_PORT}`;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-e2e-own-'));
  private child: ChildProcess | undefined;

  async start(): Promise<void> {
    const child = spawn(
      'npx',
      ['tsx', '--eval', "import('./src/server/main.ts').then((m) => m.main())"],
      {
        cwd: REPO,
        detached: true,
        stdio: 'ignore',
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(OWN_PORT),
          INLET_DATA_DIR: this.dataDir,
          INLET_SANDBOX_ROW_MS: '20',
        },
      },
    );
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const healthy = await fetch(`${this.base}/inlet/health`).then(
        (answer) => answer.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((settle) => setTimeout(settle, 200));
    }
    throw new Error(`no server on ${this.base} within 60 s`);
  }

  /** SIGKILL, as a crash: nothing is drained. Resolves once the process group is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child?.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((settle) => child.once('exit', settle));
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}
