// `npm run test:stress`: the end-to-end suite with both cores kept busy, as on a loaded CI machine.
// One busy loop per core, at normal priority (as stress-ng --cpu would), runs until the suite
// ends; its exit code is this script's.
//   node scripts/stress.mjs [times]   run the suite `times` times in a row (default 1); stop at the first failure
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const times = Number(process.argv[2] ?? 1);
const busy = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stop = () => busy.forEach((loop) => loop.kill());
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

let status = 0;
for (let i = 1; i <= times && status === 0; i++) {
  console.log(`\n=== end-to-end suite under load, run ${i} of ${times}`);
  status = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { stdio: 'inherit' }).status ?? 1;
}
process.exit(status);
