import { useId, useRef, useState } from 'react';

type Props = {
  readonly email: string;
  readonly link: string;
  readonly onDone: () => void;
};

type CopyState = 'idle' | 'copied' | 'failed';

/** The one time the invitation link is shown: copy it (or select it by hand) and send it to the invitee. */
export const InvitationLink = ({ email, link, onDone }: Props) => {
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an insecure origin): leave the link selected for Ctrl+C.
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="card invitation-link" role="group" aria-labelledby={`${ids}-title`} data-testid="invitation-link">
      <h3 id={`${ids}-title`}>Invitation created for {email}</h3>
      <p className="muted" id={`${ids}-hint`}>
        Send this link to {email}. It is shown only now, works once, and expires in 7 days.
      </p>
      <div className="copy-row">
        <label className="visually-hidden" htmlFor={`${ids}-link`}>
          Invitation link
        </label>
        <input
          ref={input}
          id={`${ids}-link`}
          type="text"
          readOnly
          value={link}
          aria-describedby={`${ids}-hint`}
          onFocus={(e) => e.currentTarget.select()}
          // Taken by the parent's focus on creation, so keyboard users can copy at once.
          autoFocus
        />
        <button type="button" className="button button--small" onClick={() => void copyLink()}>
          Copy link
        </button>
      </div>
      <p role="status" className="copy-status" data-testid="copy-status">
        {copy === 'copied' && 'Link copied.'}
        {copy === 'failed' && 'Could not copy automatically: the link is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
      <button type="button" className="button button--secondary button--small" onClick={onDone}>
        Done
      </button>
    </div>
  );
};
