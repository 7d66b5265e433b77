import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'pending' | 'ok' | 'warning';

export const StatusBadge = ({ tone, children }: { readonly tone: BadgeTone; readonly children: ReactNode }) => (
  <span className={`badge badge--${tone}`}>{children}</span>
);
