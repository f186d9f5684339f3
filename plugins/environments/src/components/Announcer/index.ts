export { Announcer, useAnnounce } from './Announcer';
