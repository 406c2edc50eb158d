const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : 'n/a');
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
const gb = (bytes) => `${Math.round(bytes / 2 ** 30)} GB`;

export const machineLine = ({ machine, load, startedAt, commit }) =>
  `${machine.cpu} · ${machine.cores} cores · ${gb(machine.memoryBytes)} RAM · Node ${machine.node} · ` +
  `PostgreSQL ${machine.postgres} · load avg ${load.before.loadavg[0]} before / ${load.after.loadavg[0]} after · ` +
  `${startedAt.slice(0, 10)} · commit ${commit}`;

/** The floors the product promises, and the read-model correctness checks: true is PASS. */
export const checkFloors = ({ votes, steady, catchUp, kafka }, floors) => ({
  ...(kafka.unavailable
    ? {}
    : {
        relayEventsPerSecond: kafka.relay.rate >= floors.relayEventsPerSecond,
        kafkaLagP99: (kafka.lag.lag.feedback_list?.p99 ?? Infinity) < floors.kafkaLagP99Ms,
      }),
  votesPerSecond: votes.rate >= floors.votesPerSecond,
  votesReadModel: votes.readModel.converged,
  steadyP99: steady.p99 < floors.steadyP99Ms,
  lagFeedbackList: (steady.lag.feedback_list?.p99 ?? Infinity) < floors.lagP99Ms,
  lagFeedbackFollowers: (steady.lag.feedback_followers?.p99 ?? Infinity) < floors.lagP99Ms,
  projectionEventsPerSecond: catchUp.rate >= floors.projectionEventsPerSecond,
  catchUpReadModel: catchUp.readModel.converged,
});

const kafkaRows = (kafka, floors, checks) =>
  kafka.unavailable
    ? [['Kafka phases', `skipped: ${kafka.unavailable}`, '', '', '', '']]
    : [
        [
          'Broker ceiling: Kafka ProducerPerformance, acks=all, same record size',
          `${int(kafka.brokerCeiling.rate)} records/s (${kafka.brokerCeiling.recordBytes} B records)`,
          '',
          '',
          '',
          '',
        ],
        [
          `Relay: Postgres log → Kafka, ${int(kafka.relay.events)} events`,
          `${int(kafka.relay.rate)} events/s = ${Math.round(kafka.ofCeiling * 100)} % of the broker ceiling`,
          '',
          '',
          `≥ ${int(floors.relayEventsPerSecond)} events/s`,
          verdict(checks.relayEventsPerSecond),
        ],
        [
          `Commit → feedback_list lag through Kafka at ${kafka.lag.offeredRate} votes/s`,
          `${int(kafka.lag.lag.feedback_list?.count ?? 0)} events observed, ${int(kafka.lag.non2xx + kafka.lag.errors)} failed`,
          ms(kafka.lag.lag.feedback_list?.p50),
          ms(kafka.lag.lag.feedback_list?.p99),
          `p99 < ${int(floors.kafkaLagP99Ms)} ms`,
          verdict(checks.kafkaLagP99),
        ],
      ];

const summaryRows = ({ config, ceiling, votes, steady, catchUp, kafka }, floors, checks) => {
  const lagRow = (projection, pass) => {
    const lag = steady.lag[projection] ?? {};
    return [
      `Commit → ${projection} lag at ${steady.offeredRate} votes/s`,
      `${int(lag.count ?? 0)} events observed`,
      ms(lag.p50),
      ms(lag.p99),
      `p99 < ${floors.lagP99Ms} ms`,
      verdict(pass),
    ];
  };
  return [
    [
      `Ceiling: bare http + pg, 1 INSERT/request, ${config.connections} clients`,
      `${int(ceiling.rate)} req/s`,
      ms(ceiling.p50),
      ms(ceiling.p99),
      '',
      '',
    ],
    [
      `Votes, ${config.connections} clients, random (voter, feedback)`,
      `${int(votes.rate)} votes/s = ${Math.round(votes.ofCeiling * 100)} % of ceiling, ${int(votes.non2xx)} non-2xx`,
      ms(votes.p50),
      ms(votes.p99),
      `≥ ${int(floors.votesPerSecond)} votes/s`,
      verdict(checks.votesPerSecond),
    ],
    [
      'Read model after the vote load',
      `sum(vote_count) ${int(votes.readModel.projected)} vs ${int(votes.readModel.standing)} standing votes`,
      '',
      '',
      'equal',
      verdict(checks.votesReadModel),
    ],
    [
      `Steady ${steady.offeredRate} votes/s (open loop)`,
      `${int(steady.rate)} votes/s, ${int(steady.non2xx + steady.errors)} failed`,
      ms(steady.p50),
      ms(steady.p99),
      `p99 < ${floors.steadyP99Ms} ms`,
      verdict(checks.steadyP99),
    ],
    lagRow('feedback_list', checks.lagFeedbackList),
    lagRow('feedback_followers', checks.lagFeedbackFollowers),
    [
      `Projection catch-up, ${int(catchUp.backlog)} events backlog`,
      `${int(catchUp.rate)} events/s per projection (slowest of ${catchUp.projections.length})`,
      '',
      '',
      `≥ ${int(floors.projectionEventsPerSecond)} events/s`,
      verdict(checks.projectionEventsPerSecond),
    ],
    [
      'Read model after catch-up',
      `sum(vote_count) ${int(catchUp.readModel.projected)} vs ${int(catchUp.readModel.standing)} standing votes`,
      '',
      '',
      'equal',
      verdict(checks.catchUpReadModel),
    ],
    ...kafkaRows(kafka, floors, checks),
  ];
};

const HEADERS = ['Scenario', 'Result', 'p50', 'p99', 'Floor', ''];

const textTable = (rows) => {
  const widths = HEADERS.map((_, i) => Math.max(...[HEADERS, ...rows].map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

const markdownTable = (rows) =>
  [HEADERS, HEADERS.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');

const coresLine = (cores) =>
  Object.entries(cores)
    .map(([name, n]) => `${name} ${n.toFixed(2)}`)
    .join(', ');

const waitsLine = (waits) =>
  Object.entries(waits)
    .map(([wait, sessions]) => `${wait} ${sessions}`)
    .join(', ');

const details = ({ config, load, ceiling, votes, steady, catchUp }) =>
  [
    `Machine load: 1/5/15-min load avg ${load.before.loadavg.join(' / ')} before, ${load.after.loadavg.join(' / ')} after (includes this run);` +
      ` cores busy with other work: ${load.before.otherCores} before, ${load.after.otherCores} after` +
      ` (max during a phase: ${Math.max(ceiling.cores.other, votes.cores.other, steady.cores.other, catchUp.cores.other)}).`,
    `Cores used — ceiling: ${coresLine(ceiling.cores)}.`,
    `Cores used — votes: ${coresLine(votes.cores)}.`,
    `Cores used — steady: ${coresLine(steady.cores)}.`,
    `Cores used — catch-up: ${coresLine(catchUp.cores)}.`,
    `Votes: ${int(votes.requests)} answered requests in ${votes.seconds} s, ${votes.errors} socket errors, max ${ms(votes.max)};` +
      ` ${int(votes.newVotes)} new votes in the log (the others repeated a standing vote; the log also` +
      ` holds the requests still in flight when the load stopped).`,
    `API sessions in Postgres (pool of ${config.poolSize}) by wait state — votes: ${waitsLine(votes.apiWaits)};` +
      ` steady: ${waitsLine(steady.apiWaits)}.`,
    `Steady: ${int(steady.requests)} requests in ${steady.seconds} s, max ${ms(steady.max)};` +
      ` latency counts from each request's scheduled send time.`,
    `Catch-up: ${int(catchUp.backlog)} VoteCast events appended in ${catchUp.appendSeconds} s; worker startup ${int(catchUp.startupMs)} ms (not counted);` +
      ' events/s = events each projection read / seconds from worker ready until its checkpoint reached the head: ' +
      catchUp.projections.map((p) => `${p.name} ${int(p.rate)}/s in ${p.seconds} s`).join(', ') +
      `; all three together applied ${int(catchUp.totalRate)} events/s.`,
  ].join('\n');

export const renderReport = (results, floors, checks) => {
  const rows = summaryRows(results, floors, checks);
  return [
    '',
    `Machine: ${machineLine(results)}`,
    '',
    textTable(rows),
    '',
    details(results),
    '',
    'Markdown for BENCHMARKS.md:',
    '',
    `${machineLine(results)}`,
    '',
    markdownTable(rows),
    '',
  ].join('\n');
};
