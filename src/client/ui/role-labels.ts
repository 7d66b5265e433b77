import type { Role } from '../../domain/records/membership';

/** How a role reads in a sentence or a list; the domain's names are for code. */
export const ROLE_LABELS: Record<Role, string> = {
  manager: 'Manager',
  auditor: 'Auditor',
  client: 'Client contact',
};

export const ROLE_HINTS: Record<Role, string> = {
  manager: 'Sets up the engagement, manages the team, reviews and signs off',
  auditor: 'Does the fieldwork: tests samples, records results and exceptions',
  client: 'Sees only the requests addressed to their organisation',
};
