// Runs a real Handle server on loopback for manual checks, until Ctrl-C:
//   npx tsx --tsconfig tsconfig.base.json tools/handle-server/serve.ts [prefix]
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startHandleServer } from '@piddi/testing';

const prefix = process.argv[2] ?? '21.T9999';
const server = await startHandleServer({ prefix });
const caFile = join(tmpdir(), `piddi-handle-server-${process.pid}.pem`);
writeFileSync(caFile, server.ca);

const { startup } = server;
const how = startup.downloadedJars ? 'cold, jars fetched' : 'warm, jars cached';
console.log(`Handle server up in ${startup.totalMs} ms (${how})`);
console.log(`  url       ${server.url}`);
console.log(`  prefix    ${server.prefix}`);
console.log(`  username  ${server.username}`);
console.log(`  password  ${server.password}`);
console.log(`  CA file   ${caFile}`);
console.log(`Try: curl --cacert ${caFile} ${server.url}/api/handles/${server.adminHandle}`);
console.log('Ctrl-C stops it.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  rmSync(caFile, { force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
