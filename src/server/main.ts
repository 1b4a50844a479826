import { createApp } from './app.ts';
import { loadConfig } from './config.ts';

/** Starts the server on HOST:PORT and stops it cleanly on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config, logger: true });
  const close = (signal: string) => {
    app.log.info(`${signal} received, shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Inlet is running at http://${config.host}:${config.port}/`);
}
