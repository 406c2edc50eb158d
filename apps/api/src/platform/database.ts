import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  Inject,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresEventStore, connectAndMigrate } from '@chorus/event-store';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: () =>
            connectAndMigrate({ url: databaseUrl, poolSize, applicationName: 'chorus-api' }),
        },
        {
          provide: PostgresEventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PostgresEventStore(dataSource),
        },
      ],
      exports: [DataSource, PostgresEventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
