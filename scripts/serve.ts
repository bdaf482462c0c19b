/**
 * npm run serve [-- --port 4321] [--host 127.0.0.1] [--dir dist] [--base /plans/]
 *
 * Serves the built site like a good static host (src/publish/serve.ts). The base path is
 * the one the site was built for (content/site.yaml's address, or BASE_PATH) unless --base
 * says otherwise.
 */
import { parseArgs } from 'node:util';
import { startServer } from '../src/publish/serve.ts';
import { basePath } from '../src/publish/site-address.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: --port must be a port number (0–65535), not ${values.port}`);
  process.exit(2);
}
const base = values.base ?? basePath();
const server = await startServer({ root: values.dir!, port, host: values.host, base }).catch((err) => {
  console.error(`serve: ${err.code === 'ENOENT' ? `${values.dir}/ not found: build the site first (npm run build)` : err.message}`);
  process.exit(1);
});
console.log(`serve: ${values.dir}/ at ${server.url}${base}`);
