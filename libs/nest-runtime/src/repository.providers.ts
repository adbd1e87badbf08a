import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from './tokens';

/** Nest providers for repositories that take the DataSource: one line per module instead of a factory each. */
export function provideRepositories(...repositories: (new (dataSource: DataSource) => unknown)[]): Provider[] {
  return repositories.map((Repository) => ({
    provide: Repository,
    useFactory: (dataSource: DataSource) => new Repository(dataSource),
    inject: [DATA_SOURCE],
  }));
}
