import { startTestPostgres } from './global-setup';

export default startTestPostgres;
