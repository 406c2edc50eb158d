import { stopTestPostgres } from './global-setup';

export default stopTestPostgres;
