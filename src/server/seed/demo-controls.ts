import type { Attribute, TestMethod } from '../../domain/records/procedure';
import type { ControlFrequency } from '../../domain/reference/sample-size-table';
import type { PopulationItemContent } from '../../domain/sampling/canonical-population';
import type { Period } from '../../domain/sampling/period';
import { annualVendorAssessment, changeTickets, dailyScans, newHires, quarterlyAccessReviews, securityIncidents, terminations } from './demo-populations';

export type DemoControlSpec = {
  /** An exception area key; the control's criteria are that area's primary criteria. */
  readonly area: string;
  readonly ref: string;
  readonly description: string;
  readonly frequency: ControlFrequency;
  readonly owner: string;
  readonly keyControl: boolean;
  readonly procedure: { readonly methods: readonly TestMethod[]; readonly steps: string; readonly attributes: readonly Attribute[] };
  readonly population: { readonly name: string; readonly source: string; readonly items: (period: Period) => PopulationItemContent[] } | null;
};

/** The demo Type 2: one control for each of the seven common exception areas. */
export const TYPE2_CONTROLS: readonly DemoControlSpec[] = [
  {
    area: 'access_review',
    ref: 'AC-03',
    description: 'Each quarter, system owners review user access to AWS, Okta and the production databases; inappropriate access is removed within 5 business days and the review is signed off by the Head of IT Operations.',
    frequency: 'quarterly',
    owner: 'Head of IT Operations',
    keyControl: true,
    procedure: {
      methods: ['inquiry', 'inspection'],
      steps: 'Obtain the quarterly access review for each sampled quarter. Inspect evidence that the user listing was complete (system-generated, with date and query). Verify that each access flagged for removal was removed within 5 business days, and that the review was signed off.',
      attributes: [
        { key: 'complete-listing', label: 'The user listing was complete and system-generated' },
        { key: 'timely-review', label: 'The review was completed within the quarter' },
        { key: 'removals-done', label: 'Flagged access was removed within 5 business days' },
      ],
    },
    population: { name: 'Quarterly access reviews 2026', source: 'GRC tool export (access-reviews.csv)', items: () => quarterlyAccessReviews() },
  },
  {
    area: 'security_awareness_training',
    ref: 'HR-02',
    description: 'New hires complete security awareness training and acknowledge the information security policy within 30 days of their start date; completion is tracked in the LMS.',
    frequency: 'event_driven',
    owner: 'People Operations Manager',
    keyControl: false,
    procedure: {
      methods: ['inspection'],
      steps: 'For each sampled new hire, inspect the LMS completion record and the signed policy acknowledgment, and compare their dates with the start date from the HR system.',
      attributes: [
        { key: 'training-30-days', label: 'Training completed within 30 days of the start date' },
        { key: 'policy-acknowledged', label: 'Policy acknowledgment signed' },
      ],
    },
    population: { name: 'New hires 2026', source: 'BambooHR new-hire report', items: (p) => newHires(30, p.periodStart, p.periodEnd) },
  },
  {
    area: 'vulnerability_management',
    ref: 'VM-01',
    description: 'Authenticated vulnerability scans of all production hosts run daily; critical findings are remediated within 15 days and high findings within 30 days, tracked as Jira tickets.',
    frequency: 'daily',
    owner: 'Security Engineering Lead',
    keyControl: true,
    procedure: {
      methods: ['inspection', 'reperformance'],
      steps: 'For each sampled day, inspect the scan report (scope, completion status, asset count against the CMDB). For every critical or high finding on the report, trace the remediation ticket and compare the closing date with the SLA.',
      attributes: [
        { key: 'scan-completed', label: 'The scan ran and covered all in-scope assets' },
        { key: 'findings-ticketed', label: 'Critical and high findings were ticketed' },
        { key: 'sla-met', label: 'Findings were remediated within the SLA' },
      ],
    },
    population: { name: 'Daily scan reports 2026', source: 'Tenable.io scan history export', items: (p) => dailyScans(p.periodStart, p.periodEnd) },
  },
  {
    area: 'change_management',
    ref: 'CM-01',
    description: 'Every change to production is recorded in Jira, peer-reviewed and approved by someone other than the author, and tested before deployment; emergency changes are approved within 2 business days after deployment.',
    frequency: 'event_driven',
    owner: 'VP Engineering',
    keyControl: true,
    procedure: {
      methods: ['inspection'],
      steps: 'For each sampled change, inspect the Jira ticket and the pull request: approval by a second person before merge, evidence of testing (CI run or QA sign-off), and that the deployer was not the only reviewer. For emergency changes, inspect the retrospective approval.',
      attributes: [
        { key: 'approved', label: 'Approved by someone other than the author' },
        { key: 'tested', label: 'Tested before deployment' },
        { key: 'segregated', label: 'Deployment segregated from development' },
      ],
    },
    population: { name: 'Production changes 2026', source: 'Jira query: project = OPS AND type = Change', items: (p) => changeTickets(48, p.periodStart, p.periodEnd) },
  },
  {
    area: 'vendor_risk_assessment',
    ref: 'VR-01',
    description: 'Once a year, the Vendor Management Lead assesses every critical vendor: obtains and reviews its SOC 2 report or security questionnaire, reviews complementary user entity controls, and records the risk rating; the CISO approves the assessment.',
    frequency: 'annual',
    owner: 'Vendor Management Lead',
    keyControl: false,
    procedure: {
      methods: ['inquiry', 'inspection'],
      steps: 'Inspect the annual vendor risk assessment: the list of critical vendors against the accounts-payable vendor list, the SOC reports or questionnaires obtained, the review of exceptions and CUECs, and the CISO approval.',
      attributes: [
        { key: 'all-critical-vendors', label: 'All critical vendors were assessed' },
        { key: 'cuecs-reviewed', label: 'SOC report exceptions and CUECs were reviewed' },
        { key: 'approved', label: 'The assessment was approved by the CISO' },
      ],
    },
    population: { name: 'Annual vendor risk assessment 2026', source: 'Vendor management folder (SharePoint)', items: () => annualVendorAssessment() },
  },
  {
    area: 'incident_response',
    ref: 'IR-01',
    description: 'Security incidents are logged, triaged and rated for severity within 24 hours; SEV1–SEV3 incidents get a post-incident review, and customers are notified within 72 hours when their data is affected.',
    frequency: 'event_driven',
    owner: 'Security Operations Manager',
    keyControl: true,
    procedure: {
      methods: ['inquiry', 'inspection'],
      steps: 'For each sampled incident, inspect the incident ticket: time of detection and of triage, severity rating, the post-incident review where required, and any customer notification against the 72-hour commitment.',
      attributes: [
        { key: 'triaged-24h', label: 'Triaged and severity-rated within 24 hours' },
        { key: 'post-incident-review', label: 'Post-incident review done where required' },
      ],
    },
    population: { name: 'Security incidents 2026', source: 'PagerDuty + Jira SEC project export', items: (p) => securityIncidents(9, p.periodStart, p.periodEnd) },
  },
  {
    area: 'logical_access_mfa',
    ref: 'LA-02',
    description: "A leaver's access to Okta and every connected system is removed within one business day of their last day, on the HR termination ticket; MFA is enforced in Okta for all workforce accounts.",
    frequency: 'event_driven',
    owner: 'IT Service Desk Lead',
    keyControl: true,
    procedure: {
      methods: ['inspection', 'reperformance'],
      steps: 'For each sampled leaver, compare the last day in the HR ticket with the Okta deactivation time and the deprovisioning log of each connected system. Reperform: confirm in Okta that the account is deactivated and that MFA policy applies to the workforce group.',
      attributes: [
        { key: 'removed-1-day', label: 'Access removed within one business day' },
        { key: 'all-systems', label: 'Removed from every connected system' },
        { key: 'mfa-enforced', label: 'MFA policy covers the workforce group' },
      ],
    },
    population: { name: 'Leavers 2026', source: 'BambooHR termination report', items: (p) => terminations(22, p.periodStart, p.periodEnd) },
  },
];

/** The second engagement, a Type 1: design and implementation only, so no populations yet. */
export const TYPE1_CONTROLS: readonly DemoControlSpec[] = [
  {
    area: 'change_management',
    ref: 'CHG-1',
    description: 'Code changes are merged only through pull requests with one approving review from someone other than the author; branch protection enforces it on the main branch.',
    frequency: 'event_driven',
    owner: 'CTO',
    keyControl: true,
    procedure: {
      methods: ['inquiry', 'inspection'],
      steps: 'Walk through one change from ticket to deployment. Inspect the branch protection settings on the main branch as of the report date.',
      attributes: [
        { key: 'review-required', label: 'Branch protection requires an approving review' },
        { key: 'walkthrough', label: 'The walkthrough matched the described process' },
      ],
    },
    population: null,
  },
  {
    area: 'logical_access_mfa',
    ref: 'ACC-1',
    description: 'All workforce access goes through Google Workspace SSO with enforced 2-step verification; new access is requested and approved in the IT ticketing system.',
    frequency: 'automated',
    owner: 'IT Manager',
    keyControl: true,
    procedure: {
      methods: ['observation', 'inspection'],
      steps: 'Observe a login to a production tool through SSO. Inspect the Google Workspace 2-step verification enforcement setting and one approved access request as of the report date.',
      attributes: [
        { key: 'mfa-enforced', label: '2-step verification is enforced for all users' },
        { key: 'request-approved', label: 'The sampled access request was approved' },
      ],
    },
    population: null,
  },
];
