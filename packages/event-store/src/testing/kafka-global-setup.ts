import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

export const KAFKA_BROKERS_ENV = 'KAFKA_BROKERS';
/** Set (to the reason) when no broker could be started outside CI; Kafka suites skip on it. */
export const KAFKA_UNAVAILABLE_ENV = 'CHORUS_KAFKA_UNAVAILABLE';

/** infra/kafka/kafka.sh's exit code for "java or mvn is missing". */
const EXIT_UNAVAILABLE = 3;

// Four levels up from src/testing and from dist/testing alike.
const kafkaScript = resolve(__dirname, '../../../../infra/kafka/kafka.sh');

type TestKafka = { parent: string; env: NodeJS.ProcessEnv };

declare global {
  var chorusTestKafka: TestKafka | undefined;
}

type ScriptResult = { code: number; output: string; stderr: string };

const runKafkaScript = (command: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<ScriptResult> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [kafkaScript, command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code: code ?? 1, output, stderr }));
  });

const twoFreePorts = async (): Promise<[number, number]> => {
  const port = await freePort();
  for (;;) {
    const controllerPort = await freePort();
    if (controllerPort !== port) return [port, controllerPort];
  }
};

/**
 * Jest globalSetup: a real, throwaway single-node Kafka per test run (infra/kafka/kafka.sh on free
 * ports, data in a temp dir), unless KAFKA_BROKERS already points at one. Without Java or Maven
 * it sets CHORUS_KAFKA_UNAVAILABLE to the reason so Kafka suites skip, except under CI, where it
 * fails.
 */
export const startTestKafka = async (): Promise<void> => {
  if (process.env[KAFKA_BROKERS_ENV]) return;
  const [port, controllerPort] = await twoFreePorts();
  const parent = mkdtempSync(join(tmpdir(), 'chorus-test-kafka-'));
  chmodSync(parent, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: join(parent, 'data'),
  };
  const result = await runKafkaScript('start', env);
  if (result.code === 0) {
    globalThis.chorusTestKafka = { parent, env };
    process.env[KAFKA_BROKERS_ENV] = `127.0.0.1:${port}`;
    return;
  }
  rmSync(parent, { recursive: true, force: true });
  if (result.code === EXIT_UNAVAILABLE && !process.env.CI) {
    const reason = result.stderr.trim().split('\n').pop() || 'Kafka unavailable';
    process.env[KAFKA_UNAVAILABLE_ENV] = reason;
    console.warn(`\n${reason}: the Kafka suites are skipped.`);
    // scripts/test-all.sh repeats this under its totals, where nobody can miss it.
    const results = join(__dirname, '../../../../test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'kafka-skipped.txt'), `${reason}\n`);
    return;
  }
  throw new Error(
    `Could not start the test Kafka (infra/kafka/kafka.sh start exited ${result.code}):\n${result.output}`,
  );
};

export const stopTestKafka = async (): Promise<void> => {
  const kafka = globalThis.chorusTestKafka;
  if (!kafka) return;
  globalThis.chorusTestKafka = undefined;
  try {
    const result = await runKafkaScript('stop', kafka.env);
    if (result.code !== 0) {
      throw new Error(`infra/kafka/kafka.sh stop exited ${result.code}:\n${result.output}`);
    }
  } finally {
    rmSync(kafka.parent, { recursive: true, force: true });
  }
};
