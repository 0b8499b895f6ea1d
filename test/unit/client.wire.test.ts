// What the client puts on the wire and how it reads odd answers, against a real loopback
// HTTP server that replies with scripted bytes (shapes the simulator never sends on purpose).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient, GslError } from '../../src/gsl/index';
import type { CredentialStore, Credentials } from '../../src/gsl/index';
import { canonicalRequest, parseAuthorization, signature, stringToSign } from '../../src/gsl/signer';
import { startRawServer } from './helpers/clientRawServer';

const AKSK: Credentials = { kind: 'aksk', ak: 'AKWIRE000000', sk: 'SKWIRE-secret-0000000000', projectId: 'proj123', securityToken: 'sec-token-xyz' };

function store(creds: Credentials | undefined, onGet?: () => void): CredentialStore {
  return { get: async () => { onGet?.(); return creds; } };
}

async function withServer(fn: (url: string, server: Awaited<ReturnType<typeof startRawServer>>) => Promise<void>): Promise<void> {
  const server = await startRawServer();
  try {
    await fn(server.url, server);
  } finally {
    await server.close();
  }
}

test('AK/SK requests carry an explicit Host, sign exactly the bytes sent, and use unsigned JSON content type', async () => {
  await withServer(async (url, server) => {
    server.reply({ status: 200, body: '{"work_order_id":9007199254740993}' });
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK), userAgent: 'test-agent' });
    try {
      const r = await client.resetSimCard({ iccid: '8986012345678901234' });
      assert.equal(r.work_order_id, '9007199254740993');
      const req = server.received[0];
      assert.equal(req.method, 'POST');
      assert.equal(req.url, '/v1/sim-cards/0/reset');
      assert.equal(req.headers.host, new URL(url).host);
      assert.equal(req.headers['content-type'], 'application/json');
      assert.equal(req.headers['x-project-id'], 'proj123');
      assert.equal(req.headers['x-security-token'], 'sec-token-xyz');
      assert.equal(req.body, '{"down_up_switch":2,"iccid":"8986012345678901234"}');
      const auth = parseAuthorization(String(req.headers.authorization));
      assert.ok(auth);
      assert.equal(auth.access, AKSK.ak);
      assert.ok(!auth.signedHeaders.includes('content-type'));
      assert.ok(auth.signedHeaders.includes('host') && auth.signedHeaders.includes('x-sdk-date'));
      // Recompute the signature from what arrived: it must match, so the bytes hashed were the bytes sent.
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const canonical = canonicalRequest({ method: req.method, path: '/v1/sim-cards/0/reset', query: [], headers, signedHeaders: auth.signedHeaders, body: req.body });
      assert.equal(signature((AKSK as { sk: string }).sk, stringToSign(canonical, headers['x-sdk-date'])), auth.signature);
    } finally {
      await client.dispose();
    }
  });
});

test('a body-less POST sends no body and no content type', async () => {
  await withServer(async (url, server) => {
    server.reply({ status: 200, body: 'true' });
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      assert.equal(await client.enableAttribute('5'), true);
      assert.equal(server.received[0].body, '');
      assert.equal(server.received[0].headers['content-type'], undefined);
      assert.equal(server.received[0].url, '/v1/attributes/5/enable');
    } finally {
      await client.dispose();
    }
  });
});

test('opaque success bodies are accepted: booleans, JSON strings and plain text', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      server.reply({ status: 200, body: 'true' });
      assert.equal(await client.deleteTag('12'), true);
      server.reply({ status: 200, body: '"ok"' });
      assert.equal(await client.sendSms({ sms_content: 'hi', cids: ['8986012345678901234'] }), 'ok');
      server.reply({ status: 200, body: 'policy created' });
      assert.equal(await client.addNetworkSwitchPolicy({ version: 1 }), 'policy created');
    } finally {
      await client.dispose();
    }
  });
});

test('the code/message envelope and the nested IAM-style envelope are both understood', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      server.reply({ status: 403, headers: { 'X-Request-Id': 'rid-1' }, body: '{"code":"GSL.00016016","message":"repeat within 5 minutes"}' });
      let e = (await client.stopSimCard({ sim_card_id: '42' }).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.deepEqual([e.kind, e.status, e.code, e.errorMsg, e.requestId, e.retryable], ['http', 403, 'GSL.00016016', 'repeat within 5 minutes', 'rid-1', false]);
      assert.match(e.explanation, /5 minutes/);

      server.reply({ status: 400, body: '{"error":{"error_code":"GSL.00011001","error_msg":"no such card"},"request_id":"rid-2"}' });
      e = (await client.showSimCard({ sim_card_id: '42' }).catch((x: unknown) => x)) as GslError;
      assert.deepEqual([e.code, e.errorMsg, e.requestId], ['GSL.00011001', 'no such card', 'rid-2']);
    } finally {
      await client.dispose();
    }
  });
});

test('a success body that is not JSON becomes a clear malformed error, never a crash', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      server.reply({ status: 200, body: '<html>secret-looking gateway page {"sim_card_id":' });
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'malformed');
      assert.equal(e.status, 200);
      assert.doesNotMatch(e.message, /html|secret-looking/);
      assert.equal(server.received.length, 1, 'a malformed answer is not retried');

      // Valid JSON of the wrong shape is malformed too.
      server.reply({ status: 200, body: '{"limit":10,"offset":1}' });
      const e2 = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e2.kind, 'malformed');
      assert.match(e2.message, /tags/);
    } finally {
      await client.dispose();
    }
  });
});

test('an error body that is not JSON still yields an HTTP error explained by its status', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      server.reply({ status: 403, body: '<html>Forbidden</html>' });
      const e = (await client.stopSimCard({ sim_card_id: '1' }).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 403);
      assert.equal(e.code, undefined);
      assert.match(e.explanation, /refused/);
    } finally {
      await client.dispose();
    }
  });
});

test('redirects are not followed, so credentials never leave the configured endpoint', async () => {
  await withServer(async (url, server) => {
    server.reply({ status: 302, headers: { Location: 'http://127.0.0.1:1/elsewhere' }, body: '' });
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 302);
      assert.equal(server.received.length, 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a plain-HTTP remote endpoint is refused before credentials are even read', async () => {
  let reads = 0;
  const client = new GslClient({ endpoints: { gsl: 'http://gsl.cn-north-4.myhuaweicloud.com', iam: 'https://iam.example.com' }, credentials: store(AKSK, () => reads++) });
  try {
    const e = (await client.listSimCards({}).catch((x: unknown) => x)) as GslError;
    assert.ok(e instanceof GslError);
    assert.equal(e.kind, 'config');
    assert.match(e.message, /HTTPS/);
    assert.equal(reads, 0);
  } finally {
    await client.dispose();
  }
});

test('a plain-HTTP remote IAM endpoint is refused before the password is sent', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({
      endpoints: { gsl: url, iam: 'http://iam.example.com' },
      credentials: store({ kind: 'iam', domain: 'd', user: 'u', password: 'pw', project: 'cn-north-4' }),
    });
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'config');
      assert.match(e.message, /IAM endpoint/);
      assert.equal(server.received.length, 0);
    } finally {
      await client.dispose();
    }
  });
});

test('no credentials is an auth error, sent nowhere', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(undefined) });
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'auth');
      assert.match(e.message, /Not signed in/);
      assert.equal(server.received.length, 0);
    } finally {
      await client.dispose();
    }
  });
});

test('obvious mistakes are refused before sending, with a clear config error', async () => {
  await withServer(async (url, server) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['limit below 10', () => client.listSimCards({ limit: 5 }), /10 to 500/],
      ['limit above 500', () => client.listTags({ limit: 501 }), /10 to 500/],
      ['offset 0', () => client.listWorkOrders({ offset: 0 }), /offset/],
      ['short ICCID', () => client.showSimCard({ iccid: '8986' }), /19 or 20/],
      ['long ICCID', () => client.stopSimCard({ iccid: '898601234567890123456' }), /19 or 20/],
      ['id with a slash', () => client.showSimCard({ sim_card_id: '1/../../x' }), /decimal id/],
      ['too many tag filters', () => client.listSimCards({ tag_id: Array.from({ length: 11 }, (_, i) => String(i + 1)) }), /At most 10/],
      ['daily flow over 100', () => client.listSimCardFlowPerDay({ sim_card_ids: Array.from({ length: 101 }, (_, i) => String(i + 1)), month: '202601' }), /At most 100/],
      ['daily flow ids and iccids', () => client.listSimCardFlowPerDay({ sim_card_ids: ['1'], iccids: ['8986012345678901234'] }), /not both/],
      ['month usage over 500', () => client.showMonthUsages({ sim_card_ids: Array.from({ length: 501 }, (_, i) => String(i + 1)), billing_cycles: ['2026-01'] }), /At most 500/],
      ['month usage 7 cycles', () => client.showMonthUsages({ sim_card_ids: ['1'], billing_cycles: ['1', '2', '3', '4', '5', '6', '7'] }), /1 to 6/],
      ['plan usage over 50', () => client.listFlowBySimCards({ sim_card_ids: Array.from({ length: 51 }, (_, i) => String(i + 1)) }), /At most 50/],
      ['no cards', () => client.listFlowBySimCards({}), /at least one card/],
      ['tags on 501 cards', () => client.batchSetTags({ sim_card_ids: Array.from({ length: 501 }, (_, i) => String(i + 1)), tag_ids: ['1'] }), /At most 500/],
      ['11 tags', () => client.batchSetTags({ sim_card_ids: ['1'], tag_ids: Array.from({ length: 11 }, (_, i) => String(i + 1)) }), /At most 10/],
      ['0 attribute items', () => client.batchSetAttributes({ attributes: [] }), /1 to 500/],
      ['cut-net action', () => client.startStopNet({ sim_card_id: '1' }, { action: 'CUT' as 'ADD' }), /ADD/],
      ['card without id or iccid', () => client.showRealNamed({} as { iccid: string }), /sim_card_id or its ICCID/],
    ];
    try {
      for (const [name, call, re] of cases) {
        // Calling must never throw synchronously: callers chain .catch on the promise.
        const p = call();
        assert.ok(p instanceof Promise, name);
        const err = await p.then(() => undefined, (e: unknown) => e);
        assert.ok(err instanceof GslError, name);
        assert.equal(err.kind, 'config', name);
        assert.match(err.message, re, name);
      }
      assert.equal(server.received.length, 0, 'nothing was sent');
    } finally {
      await client.dispose();
    }
  });
});

test('a disposed client refuses further calls', async () => {
  await withServer(async (url) => {
    const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK) });
    await client.dispose();
    const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
    assert.equal(e.kind, 'config');
  });
});

test('with proxyUrl set, requests go through that proxy (CONNECT tunnel) and still arrive intact', async () => {
  const { createServer } = await import('node:http');
  const { connect } = await import('node:net');
  const tunnels: string[] = [];
  const proxy = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  proxy.on('connect', (req, clientSocket, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as { port: number }).port;
  try {
    await withServer(async (url, server) => {
      server.reply({ status: 200, body: '{"limit":10,"offset":1,"count":0,"tags":[]}' });
      const client = new GslClient({ endpoints: { gsl: url, iam: url }, credentials: store(AKSK), proxyUrl: `http://127.0.0.1:${proxyPort}` });
      try {
        const r = await client.listTags({ tag_name: 'a b' });
        assert.equal(r.count, 0);
        assert.deepEqual(tunnels, [new URL(url).host]);
        assert.equal(server.received[0].url, '/v1/tags?tag_name=a%20b');
        assert.equal(server.received[0].headers.host, new URL(url).host);
      } finally {
        await client.dispose();
      }
    });
  } finally {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});
