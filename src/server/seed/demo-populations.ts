import type { PopulationItemContent } from '../../domain/sampling/canonical-population';
import { dayNumber, isoDateOf } from '../../domain/sampling/period';

/**
 * Realistic, fully deterministic populations for the demo engagement. No randomness:
 * the same seed run gives the same items, hence the same hashes and samples.
 */

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const dayOf = (date: string): number => {
  const d = dayNumber(date);
  if (d === null) throw new Error(`demo data: bad date ${date}`);
  return d;
};

/** n dates spread over [start, end], nudged by a fixed pattern so they do not look machine-made. */
export const spreadDates = (n: number, start: string, end: string): string[] => {
  const s = dayOf(start);
  const span = dayOf(end) - s + 1;
  return Array.from({ length: n }, (_, i) => {
    const base = Math.floor(((i + 0.5) * span) / n);
    const nudge = ((i * 7919) % 5) - 2;
    return isoDateOf(s + Math.min(span - 1, Math.max(0, base + nudge)));
  });
};

const PEOPLE = ['Priya Natarajan', 'Tom Okafor', 'Lena Fischer', 'Diego Alvarez', 'Hannah Kim', 'Marcus Bell', 'Sofia Rossi', 'Ethan Park'];
const SYSTEMS = ['payments-api', 'customer-portal', 'billing-worker', 'identity-service', 'data-warehouse', 'mobile-backend'];

export const quarterlyAccessReviews = (): PopulationItemContent[] =>
  [
    ['2026-Q1', '2026-04-09'],
    ['2026-Q2', '2026-07-08'],
    ['2026-Q3', '2026-10-07'],
    ['2026-Q4', '2026-12-16'],
  ].map(([quarter = '', date = '']) => ({
    key: `UAR-${quarter}`,
    label: `${quarter} user access review: AWS, Okta, production databases`,
    date,
    fields: { quarter, reviewer: 'Head of IT Operations', systems: 'AWS, Okta, PostgreSQL (prod)', accountsReviewed: String(180 + (quarter.charCodeAt(6) % 4) * 7) },
  }));

export const newHires = (n: number, start: string, end: string): PopulationItemContent[] => {
  const roles = ['Software Engineer', 'Customer Success Manager', 'Data Analyst', 'Site Reliability Engineer', 'Account Executive', 'Product Designer'];
  const first = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Omar', 'Isla', 'Ravi', 'Elena', 'Kai', 'Nora', 'Yusuf'];
  const last = ['Turner', 'Singh', 'Moreau', 'Kowalski', 'Ito', 'Mensah', 'Larsen', 'Costa', 'Haddad', 'Byrne'];
  return spreadDates(n, start, end).map((date, i) => ({
    key: `EMP-${String(1201 + i)}`,
    label: `${pick(first, i)} ${pick(last, i * 3)}, ${pick(roles, i)}`,
    date,
    fields: { startDate: date, department: pick(['Engineering', 'Customer Success', 'Sales', 'Operations'], i), manager: pick(PEOPLE, i) },
  }));
};

export const dailyScans = (start: string, end: string): PopulationItemContent[] => {
  const s = dayOf(start);
  const days = dayOf(end) - s + 1;
  return Array.from({ length: days }, (_, i) => {
    const date = isoDateOf(s + i);
    return {
      key: `SCAN-${date}`,
      label: `Nightly authenticated scan, production (${date})`,
      date,
      fields: { tool: 'Tenable.io', assetsScanned: String(412 + (i % 17)), critical: String(i % 97 === 13 ? 1 : 0), high: String((i * 31) % 7 === 0 ? 2 : (i * 13) % 5 === 0 ? 1 : 0) },
    };
  });
};

export const changeTickets = (n: number, start: string, end: string): PopulationItemContent[] => {
  const summaries = [
    'Upgrade payments API to Node 20',
    'Add rate limiting to login endpoint',
    'Rotate TLS certificates on load balancers',
    'Index on invoices.customer_id',
    'Feature flag: new onboarding flow',
    'Patch OpenSSL on build agents',
    'Terraform: restrict S3 bucket policies',
    'Fix currency rounding in billing export',
  ];
  return spreadDates(n, start, end).map((date, i) => ({
    key: `CHG-${String(2040 + i)}`,
    label: pick(summaries, i * 5 + Math.floor(i / 8)),
    date,
    fields: {
      system: pick(SYSTEMS, i),
      type: i % 12 === 7 ? 'emergency' : 'standard',
      requester: pick(PEOPLE, i),
      approver: pick(PEOPLE, i + 3),
      deployedBy: pick(PEOPLE, i + 5),
    },
  }));
};

export const annualVendorAssessment = (): PopulationItemContent[] => [
  {
    key: 'VRA-2026',
    label: '2026 annual risk assessment of critical vendors (AWS, Okta, Stripe, Zendesk)',
    date: '2026-09-18',
    fields: { vendorsInScope: '4', soc2ReportsObtained: '4', performedBy: 'Vendor Management Lead', approvedBy: 'CISO' },
  },
];

export const securityIncidents = (n: number, start: string, end: string): PopulationItemContent[] => {
  const kinds = ['Phishing e-mail reported by staff', 'Suspicious login from new country', 'Malware alert on laptop', 'Misconfigured S3 bucket found by CSPM', 'DDoS on marketing site', 'Lost company phone'];
  return spreadDates(n, start, end).map((date, i) => ({
    key: `INC-${String(310 + i)}`,
    label: pick(kinds, i),
    date,
    fields: { severity: pick(['SEV3', 'SEV2', 'SEV3', 'SEV4', 'SEV2', 'SEV1'], i), detectedBy: pick(['SOC analyst', 'GuardDuty', 'Employee report', 'CrowdStrike'], i), postIncidentReview: i % 4 === 3 ? 'not required (SEV4)' : 'yes' },
  }));
};

export const terminations = (n: number, start: string, end: string): PopulationItemContent[] =>
  spreadDates(n, start, end).map((date, i) => ({
    key: `TERM-${String(501 + i)}`,
    label: `Leaver ${String(501 + i)}: ${pick(['voluntary resignation', 'contract end', 'involuntary termination'], i)}`,
    date,
    fields: { lastDay: date, hrTicket: `HR-${String(9100 + i * 3)}`, systems: pick(['Okta, AWS, GitHub', 'Okta, Salesforce', 'Okta, Zendesk', 'Okta, AWS, Datadog'], i) },
  }));
