import { stopTestKafka } from './kafka-global-setup';

export default stopTestKafka;
