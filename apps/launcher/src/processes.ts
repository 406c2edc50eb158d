import { spawn, type ChildProcess } from 'node:child_process';

export type ManagedProcess = { name: string; child: ChildProcess; exited: Promise<number | null> };

/** Starts a Node process whose output is prefixed with its name. */
export const startNodeProcess = (
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
): ManagedProcess => {
  // The IPC channel closes if the launcher is killed outright, so children never outlive it.
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, child, exited };
};

export const stopProcess = async (
  { child, exited }: ManagedProcess,
  graceMs = 10_000,
): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
};

export const waitForHealthy = async (
  url: string,
  timeoutMs: number,
  alive: () => boolean,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error('a process exited while starting');
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not become healthy within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
