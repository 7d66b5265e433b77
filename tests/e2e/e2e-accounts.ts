/** The demo accounts the e2e server seeds (src/server/seed/demo-seed.ts), all with one password. */
export const DEMO_PASSWORD = 'e2e-demo-password';

export const DEMO = {
  manager: { email: 'manager@demo.test', name: 'Morgan Reyes' },
  auditor: { email: 'auditor@demo.test', name: 'Avery Chen' },
  client: { email: 'client@demo.test', name: 'Casey Novak' },
} as const;

export type DemoUser = keyof typeof DEMO;
