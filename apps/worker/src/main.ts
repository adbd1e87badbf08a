import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the queue worker first, so batches in hand finish before exit.
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: Error) => {
  process.stderr.write(`watchfloor worker could not start: ${error.message}\n`);
  process.exit(1);
});
