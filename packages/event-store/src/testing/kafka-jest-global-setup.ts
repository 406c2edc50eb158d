import { startTestKafka } from './kafka-global-setup';

export default startTestKafka;
