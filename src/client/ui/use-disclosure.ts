import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';

export type Disclosure = {
  readonly open: boolean;
  readonly setOpen: Dispatch<SetStateAction<boolean>>;
  /** The element holding the toggle and the panel: a pointer down outside it closes the panel. */
  readonly root: RefObject<HTMLDivElement | null>;
  /** The toggle button: Escape closes the panel and returns the focus here. */
  readonly toggle: RefObject<HTMLButtonElement | null>;
};

/** A popover's open state with the keyboard and pointer behaviour users expect of one. */
export const useDisclosure = (): Disclosure => {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent): void => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return { open, setOpen, root, toggle };
};
