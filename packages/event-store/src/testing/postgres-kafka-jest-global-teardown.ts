import { stopTestPostgres } from './global-setup';
import { stopTestKafka } from './kafka-global-setup';

export default async (): Promise<void> => {
  try {
    await stopTestKafka();
  } finally {
    await stopTestPostgres();
  }
};
