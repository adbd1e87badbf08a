import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@watchfloor/config';
import { exitWithParent } from '@watchfloor/nest-runtime';
import { configureEgress } from '@watchfloor/sources';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // Before any module starts: every feed, platform, stream and webhook request goes through it.
  configureEgress(loadConfig().egress);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the queue worker first, so batches in hand finish before exit.
  app.enableShutdownHooks();
  await app.init();
  exitWithParent();
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`watchfloor worker could not start: ${error.message}\n`);
  process.exit(1);
});
