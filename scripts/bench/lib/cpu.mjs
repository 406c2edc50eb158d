import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

// /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for user space.
const TICKS_PER_SECOND = 100;

const readProcesses = () => {
  if (process.platform !== 'linux') return [];
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      });
    } catch {
      // The process ended while we listed it.
    }
  }
  return processes;
};

const machineBusySeconds = () =>
  os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0) /
  1000;

/**
 * CPU seconds used so far by the machine, this process, and each named process together with its
 * direct children (for Postgres: the postmaster and its backends).
 */
export const cpuSnapshot = (roots = {}) => {
  const all = readProcesses();
  const usage = process.cpuUsage();
  const processes = { harness: (usage.user + usage.system) / 1e6 };
  for (const [name, pid] of Object.entries(roots)) {
    processes[name] = all
      .filter((p) => p.pid === pid || p.ppid === pid)
      .reduce((sum, p) => sum + p.seconds, 0);
  }
  return { at: performance.now(), machine: machineBusySeconds(), processes };
};

/** Cores each process kept busy between two snapshots; `other` is everything not ours. */
export const coresUsed = (before, after) => {
  const wall = (after.at - before.at) / 1000;
  const round = (n) => Math.round(n * 100) / 100;
  const cores = {};
  let ours = 0;
  for (const [name, seconds] of Object.entries(after.processes)) {
    const used = seconds - (before.processes[name] ?? 0);
    cores[name] = round(used / wall);
    ours += used;
  }
  cores.other = round(Math.max(0, after.machine - before.machine - ours) / wall);
  return cores;
};
