// What every bench script needs from its surroundings: numeric settings and the commit measured.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export const envNumber = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
};

/** The short commit, marked when the working tree has uncommitted changes. */
export const gitCommit = (cwd) => {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
};

/** The machine a figure was taken on, as BENCHMARKS.md names it. */
export const machineOf = (postgresVersion) => ({
  cpu: os.cpus()[0].model.trim(),
  cores: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgres: postgresVersion,
  loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
});
