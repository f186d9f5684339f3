/** The e2e backend (port 7007), by address so Node's fetch never tries ::1 first. */
export const BACKEND_URL = 'http://127.0.0.1:7007';
