import type { DemoSeedOutcome } from './demo-seed';

/** The one-time notice of the demo sign-ins, framed so it stands out in a console. */
export const formatDemoBanner = (seed: Extract<DemoSeedOutcome, { seeded: true }>): string => {
  const passwordLine = seed.passwordSource === 'generated' ? `Password (all four): ${seed.password}` : 'Password (all four): the value of TICKMARK_DEMO_PASSWORD';
  const lines = [
    'Demo data seeded: a demo firm with two engagements.',
    '',
    ...seed.users.map((u) => `  ${u.email.padEnd(20)} ${u.description}`),
    '',
    passwordLine,
    ...(seed.passwordSource === 'generated' ? ['Shown only this once: note it now, or set TICKMARK_DEMO_PASSWORD', 'and start again with an empty data directory.'] : []),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
};
