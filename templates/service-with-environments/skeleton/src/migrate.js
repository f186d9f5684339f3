// Database migrations. When the template's migrations Job is on, it runs `node src/migrate.js`
// from each release's image before that release rolls out, once, never retried: make every
// migration safe to run against the previous release's code, and exit non-zero to stop the release.
console.log('${{ values.name }}: no migrations yet');
