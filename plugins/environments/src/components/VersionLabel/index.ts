export { VersionLabel } from './VersionLabel';
