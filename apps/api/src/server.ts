// Starts the API (and, once they exist, the shell and element bundles) on one origin.
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DEMO_ACCOUNTS, seedDemo } from './seed/index.js';
import { ensureDemoMedia } from './seed/media.js';
import { ffmpegAvailable } from './services/media/ffmpeg.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.seedDemo) {
  const seeded = await seedDemo(database.db, { log: (line) => console.log(`› ${line}`) });
  if (seeded) console.log('› demo catalog and accounts created');
  // Demo media is made by the job queue once the server runs (cached in the data folder).
  if (ffmpegAvailable())
    await ensureDemoMedia(database.db, { size: config.media.demo, log: (line) => console.log(`› ${line}`) });
  else console.warn('› ffmpeg is not installed: no demo media (install ffmpeg and restart)');
}
const app = await buildApp(config, database);

const close = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void close('SIGINT'));
process.once('SIGTERM', () => void close('SIGTERM'));

await app.listen({ host: config.host, port: config.port });
// The media pipeline's worker pool: starts after the server answers, so health never waits for it.
if (ffmpegAvailable()) await app.media.startWorker();
console.log(`
Reel is running at http://${config.host}:${config.port}  (API under /api/v1; ${database.kind}, data in ${config.dataDir})
Demo accounts (development only):
  viewer  ${DEMO_ACCOUNTS.viewer.email} / ${DEMO_ACCOUNTS.viewer.password}
  admin   ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}
`);
