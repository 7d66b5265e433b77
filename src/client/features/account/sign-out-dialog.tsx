import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Fieldset } from '../../ui/form-field';
import { NoticeBox } from '../../ui/notice-box';
import { lossConfirmationLabel, needsLossConfirmation, refusalText, type LossConfirmation, type SignOutChoice } from './sign-out-rules';
import { useSignOut } from './use-sign-out';

type Props = {
  readonly dialogRef: RefObject<HTMLDialogElement | null>;
  /** Unsynced changes in the outbox; undefined while unknown. */
  readonly pendingCount: number | undefined;
};

const NOT_CONFIRMED: LossConfirmation = { confirmed: false, shownPending: undefined };

const pendingText = (pending: number | undefined): string => {
  if (pending === undefined) return 'Checking for unsynced changes…';
  if (pending === 0) return 'Nothing is waiting to sync from this device.';
  return pending === 1 ? 'You have 1 unsynced change saved only on this device.' : `You have ${pending} unsynced changes saved only on this device.`;
};

export const SignOutDialog = ({ dialogRef, pendingCount }: Props) => {
  const ids = useId();
  const signOut = useSignOut();
  const [choice, setChoice] = useState<SignOutChoice>('keep');
  const [confirmation, setConfirmation] = useState<LossConfirmation>(NOT_CONFIRMED);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const checkbox = useRef<HTMLInputElement>(null);

  const reset = (): void => {
    setChoice('keep');
    setConfirmation(NOT_CONFIRMED);
    setRefusal(null);
    setPending(false);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const decision = await signOut(choice, confirmation);
    if (decision.ok) return;
    setPending(false);
    setConfirmation(NOT_CONFIRMED);
    setRefusal(refusalText(decision));
    requestAnimationFrame(() => checkbox.current?.focus());
  };

  const confirmNeeded = needsLossConfirmation(choice, pendingCount);
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${ids}-title`} onClose={reset} data-testid="sign-out-dialog">
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={`${ids}-title`}>Sign out</h2>
        <p data-testid="sign-out-pending">{pendingText(pendingCount)}</p>
        <Fieldset id={`${ids}-choice`} legend="Your data on this device">
          <label className="choice">
            <input type="radio" name={`${ids}-choice`} checked={choice === 'keep'} onChange={() => setChoice('keep')} />
            <span>
              Keep this device's data (faster next sign-in)
              <small className="choice__hint">
                Your engagements and unsynced changes stay here, unseen by anyone else who signs in. They sync when you sign in again.
              </small>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={`${ids}-choice`} checked={choice === 'wipe'} onChange={() => setChoice('wipe')} />
            <span>
              Remove my data from this device
              <small className="choice__hint">Deletes your offline copy. Anything not yet synced is lost.</small>
            </span>
          </label>
        </Fieldset>
        {confirmNeeded && (
          <label className="choice choice--danger">
            <input
              ref={checkbox}
              type="checkbox"
              checked={confirmation.confirmed}
              aria-describedby={refusal ? `${ids}-refusal` : undefined}
              onChange={(e) => {
                setConfirmation(e.target.checked ? { confirmed: true, shownPending: pendingCount } : NOT_CONFIRMED);
                setRefusal(null);
              }}
            />
            <span>{lossConfirmationLabel(pendingCount)}</span>
          </label>
        )}
        {refusal && (
          <NoticeBox tone="warning" role="alert" testId="sign-out-refusal">
            <span id={`${ids}-refusal`}>{refusal}</span>
          </NoticeBox>
        )}
        <div className="form-actions">
          <button type="submit" className={choice === 'wipe' ? 'button button--danger' : 'button'} disabled={pending}>
            {choice === 'wipe' ? 'Sign out and remove data' : 'Sign out'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
};
