import type { ReactNode, Ref } from 'react';

export type NoticeTone = 'info' | 'warning' | 'ok';

type Props = {
  readonly tone: NoticeTone;
  /** 'alert' interrupts a screen reader (errors); 'status' waits politely. */
  readonly role?: 'alert' | 'status';
  readonly children: ReactNode;
  readonly testId?: string;
  readonly ref?: Ref<HTMLDivElement>;
};

/** A coloured box for messages about the whole screen; focusable so an error can take the focus. */
export const NoticeBox = ({ tone, role, children, testId, ref }: Props) => (
  <div ref={ref} className={`notice notice--${tone}`} role={role} tabIndex={-1} data-testid={testId}>
    {children}
  </div>
);
