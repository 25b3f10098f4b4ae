/**
 * `npm run serve [-- --port N --data-dir DIR --static DIR]`: starts the loopback server for
 * development and e2e tests and prints where to open it.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { startServer } from './index.js';
import { defaultDataDir } from '../store/paths.js';

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      static: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run serve -- [--port N] [--data-dir DIR] [--static DIR]\n  serves the API and the built renderer on 127.0.0.1');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const staticDir = path.resolve(values.static ?? 'out/renderer');
  const server = await startServer({ dataDir, port, staticDir });
  console.log(`url ${server.url}`);
  console.log(`token ${server.token}`);
  console.log(`data ${dataDir}`);
  if (existsSync(path.join(staticDir, 'index.html'))) console.log(`open ${server.url}/`);
  else console.log(`no renderer build at ${staticDir} (run npm run build); the API is up`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run().catch((error) => {
  console.error(`huibian serve: ${(error as Error).message}`);
  process.exit(2);
});
