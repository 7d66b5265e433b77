import { useEffect, useRef, useState } from 'react';

/**
 * The state every form here keeps — values, field errors, a form-level failure, pending — and
 * the focus rule: after a refused attempt the focus goes to what needs fixing, the first bad
 * field, else the message.
 */
export const useFormState = <V extends Record<string, string>, E extends Partial<Record<keyof V, string>>>(initial: V) => {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<E>({} as E);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .notice--warning')?.focus();
  }, [attempt]);

  /** Sets a field and clears its error. */
  const set = (field: keyof V, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest as E);
  };

  return { values, setValues, errors, setErrors, failure, setFailure, pending, setPending, form, set, refused: () => setAttempt((n) => n + 1) };
};
