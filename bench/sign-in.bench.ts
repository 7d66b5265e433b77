// Sign-in throughput (scrypt-bound) and how fast the rate limiter stops a burst of wrong passwords.
import { median, percentile, printReport } from './bench-report';
import { startBenchServer } from './server-process';

const PASSWORD = 'bench-demo-password-1';
const USERS = ['manager@demo.test', 'auditor@demo.test', 'client@demo.test', 'client@other.test'];
const SIGN_INS = 120;
const CONCURRENCY = 8;
const BURST = 40;

const server = await startBenchServer({ TICKMARK_DEMO_PASSWORD: PASSWORD });
try {
  const signIn = async (email: string, password: string): Promise<{ status: number; ms: number }> => {
    const t = performance.now();
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password }),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t };
  };

  // Warm-up: the first scrypt calls pay for JIT and thread-pool start.
  for (const email of USERS) await signIn(email, PASSWORD);

  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SIGN_INS) {
        const i = next++;
        const r = await signIn(USERS[i % USERS.length]!, PASSWORD);
        if (r.status !== 200) refused += 1;
        latencies.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  if (refused > 0) throw new Error(`${refused} correct sign-ins were refused`);

  // A burst of wrong passwords against one account, sent as fast as the server answers.
  const burst: Array<{ status: number; at: number }> = [];
  const b0 = performance.now();
  for (let i = 0; i < BURST; i++) {
    const r = await signIn('auditor@demo.test', `wrong-password-${i}`);
    burst.push({ status: r.status, at: performance.now() - b0 });
  }
  const firstLimited = burst.findIndex((r) => r.status === 429);
  if (firstLimited < 0) throw new Error('the burst of wrong passwords was never rate limited');
  const afterLockout = await signIn('auditor@demo.test', PASSWORD);

  const r1 = (n: number): number => Math.round(n * 10) / 10;
  printReport(
    'sign-in',
    [
      { label: `Sign-ins per second (${SIGN_INS} correct sign-ins, ${CONCURRENCY} concurrent, 4 accounts)`, value: r1(SIGN_INS / seconds), unit: '/s', budget: null, ok: null },
      { label: 'Sign-in latency, median', value: Math.round(median(latencies)), unit: 'ms', budget: null, ok: null },
      { label: 'Sign-in latency, p95', value: Math.round(percentile(latencies, 0.95)), unit: 'ms', budget: null, ok: null },
      { label: 'Wrong passwords answered before the first 429 (one account, one address)', value: firstLimited, unit: 'attempts', budget: '5 (policy)', ok: firstLimited === 5 },
      { label: 'Time from the first wrong password to the first 429', value: Math.round(burst[firstLimited]!.at), unit: 'ms', budget: null, ok: null },
      { label: `Attempts of the burst of ${BURST} refused with 429`, value: burst.filter((r) => r.status === 429).length, unit: 'attempts', budget: null, ok: null },
      { label: 'Correct password during the lockout answered', value: afterLockout.status, unit: '(HTTP status)', budget: '429', ok: afterLockout.status === 429 },
    ],
    'Server as its own process on PGlite (node --import tsx src/server/main.ts), requests over loopback with fetch. Passwords are scrypt (N=2^15, r=8, p=1), so throughput is bound by the hash on 2 cores.',
  );
} finally {
  await server.stop();
}
