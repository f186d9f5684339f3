const { test } = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

test('/health answers 200', async () => {
  const child = spawn(process.execPath, ['src/server.js'], {
    env: { ...process.env, PORT: '18080' },
  });
  try {
    await new Promise(resolve => child.stdout.once('data', resolve));
    const res = await fetch('http://127.0.0.1:18080/health');
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(await res.json(), { status: 'ok' });
  } finally {
    child.kill();
  }
});
