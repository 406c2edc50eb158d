import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@chorus/event-store/testing';

const script = resolve(__dirname, '../../../../infra/kafka/kafka.sh');
const run = promisify(execFile);

/** A broker of the test's own (infra/kafka/kafka.sh), for faults that stop and restart it. */
export const startOwnBroker = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-kafka-fault-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    KAFKA_DATA_DIR: dataDir,
  };
  const kafka = (command: 'start' | 'stop') =>
    run('bash', [script, command], { env, timeout: 120_000 });
  await kafka('start');
  return {
    brokers: `127.0.0.1:${port}`,
    stop: () => kafka('stop'),
    start: () => kafka('start'),
    remove: async () => {
      await kafka('stop');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
