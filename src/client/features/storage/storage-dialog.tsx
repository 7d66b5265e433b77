import { useRef, useState } from 'react';
import { StoragePanel } from './storage-panel';

/** Header entry point: a button opening a modal dialog (Esc and the Close button dismiss it). */
export const StorageDialogButton = () => {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--header"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Storage
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="storage-dialog-title" onClose={() => setOpen(false)}>
        <div className="dialog__header">
          <h2 id="storage-dialog-title">Storage on this device</h2>
          <button type="button" className="button button--secondary button--small" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {/* Mounted only while open, so each opening reads fresh figures. */}
        {open && <StoragePanel />}
      </dialog>
    </>
  );
};
