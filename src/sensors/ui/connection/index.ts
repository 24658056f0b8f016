export { ConnectionSettings } from './ConnectionSettings';
