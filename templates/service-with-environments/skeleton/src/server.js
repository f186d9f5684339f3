// A minimal HTTP service: /health answers the Kubernetes readiness and liveness probes.
const http = require('node:http');

const port = Number(process.env.PORT ?? '${{ values.port }}');

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('${{ values.name }}\n');
});

server.listen(port, () => {
  console.log(`listening on ${port}`);
});

// Let Kubernetes stop the pod quickly and cleanly.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
