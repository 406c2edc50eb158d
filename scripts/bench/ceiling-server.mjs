// The ceiling for a vote: a bare Node http server doing one INSERT per request through a pg Pool
// of the API's size. No framework, auth, validation or read-before-write: what Node and Postgres
// on this machine can do at best, to judge the API's vote rate against.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
  application_name: 'chorus-bench-ceiling',
});
await pool.query(`
  CREATE TABLE IF NOT EXISTS bench_ceiling (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
  )`);

const server = http.createServer((request, response) => {
  request.resume();
  pool
    .query('INSERT INTO bench_ceiling (data) VALUES ($1)', [{ path: request.url, at: Date.now() }])
    .then(
      () => response.writeHead(201, { 'content-type': 'application/json' }).end('{}'),
      (error) => response.writeHead(500).end(String(error)),
    );
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ceiling listening'));

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().then(() => process.exit(0));
});
