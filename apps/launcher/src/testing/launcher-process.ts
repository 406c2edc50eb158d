import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export type LauncherProcess = {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the URL once the launcher has printed its whole welcome. */
  ready: Promise<string>;
  exited: Promise<number | null>;
};

/** Runs the built launcher (`npm start` without the install and build) as a real process. */
export const runLauncher = (env: Record<string, string>): LauncherProcess => {
  const child = spawn(process.execPath, [resolve(__dirname, '../../dist/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Chorus is running at (\S+)[\s\S]*Press Ctrl-C/.exec(output);
      if (match) done(match[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      fail(new Error(`launcher exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return { child, output: () => output, ready, exited };
};
