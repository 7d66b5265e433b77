import { useId, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useLocalStore, useSignedIn } from '../../app/app-services';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import { usePermissionCheck } from '../../app/use-permission';
import { ROLE_LABELS } from '../../ui/role-labels';
import { StatusBadge } from '../../ui/status-badge';
import { useDisclosure } from '../../ui/use-disclosure';
import { initialsOf, roleSummary } from './account-summary';
import { SignOutDialog } from './sign-out-dialog';

/** Names of the engagements the user belongs to, where this device holds them. */
const useEngagementNames = (ids: readonly string[]) => {
  const { storage } = useLocalStore();
  return useQuery({
    queryKey: [...LOCAL_STORE_KEY, 'account', 'engagement-names', ids],
    queryFn: () =>
      storage.read(async (tx) => {
        const names = new Map<string, string>();
        for (const id of ids) {
          const engagement = await tx.get('engagement', id);
          if (engagement && !engagement.deleted) names.set(id, engagement.name);
        }
        return names;
      }),
  });
};

/** Until the engagement syncs to this device only its id is known; its end tells engagements apart (v7 ids share their start). */
const fallbackName = (engagementId: string): string => `Engagement …${engagementId.slice(-6)}`;

/** Who is signed in, and the way out: a disclosure button in the header with a small panel. */
export const AccountMenu = ({ pendingCount }: { readonly pendingCount: number | undefined }) => {
  const ids = useId();
  const { me, userId } = useSignedIn();
  const { open, setOpen, root, toggle } = useDisclosure();
  const dialog = useRef<HTMLDialogElement>(null);
  const names = useEngagementNames(me.memberships.map((m) => m.engagementId));
  const isAdmin = me.user.firmRole === 'admin';
  const summary = roleSummary(me.memberships);
  const can = usePermissionCheck();


  return (
    <div ref={root} className="account" data-testid="account" data-user-id={userId}>
      <button
        ref={toggle}
        type="button"
        className="account__toggle"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        aria-label={`Account: ${me.user.name}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account__avatar" aria-hidden="true">
          {initialsOf(me.user.name, me.user.email)}
        </span>
        <span className="account__who">
          <span className="account__name">
            {me.user.name}
            {isAdmin && <span className="account__admin">Firm admin</span>}
          </span>
          <span className="account__line" data-testid="account-email">
            {me.user.email}
          </span>
          <span className="account__line" data-testid="account-roles">
            {summary}
          </span>
        </span>
        <span className="account__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={`${ids}-panel`} className="account__panel" hidden={!open}>
        <p className="account__panel-name">
          <strong>{me.user.name}</strong> {isAdmin && <StatusBadge tone="neutral">Firm admin</StatusBadge>}
        </p>
        <p className="muted">{me.user.email}</p>
        <h2 className="account__heading">Your engagements</h2>
        {me.memberships.length === 0 ? (
          <p className="muted">None yet. {isAdmin ? 'As a firm admin you can create one.' : 'A manager can invite you to one.'}</p>
        ) : (
          <ul className="account__memberships">
            {me.memberships.map((m) => {
              const name = names.data?.get(m.engagementId) ?? fallbackName(m.engagementId);
              return (
                <li key={m.engagementId} className="account__membership">
                  <span>
                    {name} <StatusBadge tone="neutral">{ROLE_LABELS[m.role]}</StatusBadge>
                    {m.organization && <span className="muted"> · {m.organization}</span>}
                  </span>
                  {can('viewTeam', m.engagementId) && (
                    <Link href={`/engagements/${m.engagementId}/team`} aria-label={`Team of ${name}`} onClick={() => setOpen(false)}>
                      Team
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => {
            setOpen(false);
            dialog.current?.showModal();
          }}
        >
          Sign out…
        </button>
      </div>
      <SignOutDialog dialogRef={dialog} pendingCount={pendingCount} />
    </div>
  );
};
