import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { engagementKindSchema, type EngagementKind } from '../../../domain/records/engagement';
import { CATEGORIES, type CategoryCode } from '../../../domain/reference/criteria';
import { Field, Fieldset } from '../../ui/form-field';
import { KIND_LABELS } from './engagement-list-model';
import {
  checkEngagementForm,
  EMPTY_ENGAGEMENT_FORM,
  fieldErrorsFromRefusal,
  type EngagementFormValues,
  type FieldErrors,
} from './engagement-form-model';
import { useCreateEngagement } from './use-create-engagement';

const KIND_HINTS: Record<EngagementKind, string> = {
  readiness: 'A pre-audit look at the controls over a period',
  type1: 'Design of controls as of one date',
  type2: 'Design and operating effectiveness over a period',
};

export type SavedEngagement = { readonly id: string; readonly name: string };

type Props = {
  readonly priorEngagements: readonly { readonly id: string; readonly name: string }[];
  readonly onSaved: (saved: SavedEngagement) => void;
  readonly onCancel: () => void;
};

export const EngagementForm = ({ priorEngagements, onSaved, onCancel }: Props) => {
  const ids = useId();
  const id = (field: string): string => `${ids}-${field}`;
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<EngagementFormValues>(EMPTY_ENGAGEMENT_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const create = useCreateEngagement();

  // After a refused submit, take keyboard and screen-reader users to the first problem.
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [attempt]);

  const set = <K extends keyof EngagementFormValues>(key: K, value: EngagementFormValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const toggleCategory = (code: CategoryCode, on: boolean): void =>
    set('categoriesInScope', on ? [...values.categoriesInScope, code] : values.categoriesInScope.filter((c) => c !== code));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (create.isPending) return;
    setGeneral([]);
    const check = checkEngagementForm(values);
    if (!check.ok) {
      setErrors(check.errors);
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const result = await create.mutateAsync(check.input);
      if (result.ok) {
        setValues(EMPTY_ENGAGEMENT_FORM);
        setErrors({});
        onSaved({ id: result.id, name: check.input.name });
        return;
      }
      const display = fieldErrorsFromRefusal(result.message, values.engagementKind);
      setErrors(display.fields);
      setGeneral(display.general);
    } catch (e) {
      setGeneral([`Nothing was saved: this device's storage refused the write (${e instanceof Error ? e.message : String(e)}).`]);
    }
    setAttempt((n) => n + 1);
  };

  const isType1 = values.engagementKind === 'type1';
  const text = (field: 'name' | 'clientOrganization', label: string, autoComplete: string) => (
    <Field id={id(field)} label={label} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete={autoComplete}
          // The form opens on request, so its first field takes the focus.
          autoFocus={field === 'name'}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
          maxLength={200}
        />
      )}
    </Field>
  );
  const date = (field: 'periodStart' | 'periodEnd' | 'asOfDate', label: string) => (
    <Field id={id(field)} label={label} error={errors[field]}>
      {(control) => <input {...control} type="date" value={values[field]} onChange={(e) => set(field, e.target.value)} />}
    </Field>
  );

  return (
    <form ref={form} className="card engagement-form" aria-labelledby={id('title')} noValidate onSubmit={(e) => void submit(e)}>
      <h2 id={id('title')}>New engagement</h2>
      {general.length > 0 && (
        <div className="form-alert" role="alert" tabIndex={-1}>
          {general.map((g) => (
            <p key={g}>{g}</p>
          ))}
        </div>
      )}
      {text('name', 'Engagement name', 'off')}
      {text('clientOrganization', 'Client organisation', 'organization')}
      <Fieldset id={id('engagementKind')} legend="Kind of engagement" error={errors.engagementKind}>
        {engagementKindSchema.options.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name={id('kind')} value={kind} checked={values.engagementKind === kind} onChange={() => set('engagementKind', kind)} />
            <span>
              {KIND_LABELS[kind]}
              <small className="choice__hint">{KIND_HINTS[kind]}</small>
            </span>
          </label>
        ))}
      </Fieldset>
      {isType1 ? (
        date('asOfDate', 'As of date')
      ) : (
        <div className="field-row">
          {date('periodStart', 'Period start')}
          {date('periodEnd', 'Period end')}
        </div>
      )}
      <Fieldset
        id={id('categoriesInScope')}
        legend="Trust services categories in scope"
        hint="Security (the common criteria) is always in scope."
        error={errors.categoriesInScope}
      >
        {CATEGORIES.map((c) => (
          <label key={c.code} className="choice">
            <input
              type="checkbox"
              value={c.code}
              checked={c.code === 'CC' || values.categoriesInScope.includes(c.code)}
              disabled={c.code === 'CC'}
              onChange={(e) => toggleCategory(c.code, e.target.checked)}
            />
            <span>
              {c.label} <small className="choice__hint">({c.code})</small>
            </span>
          </label>
        ))}
      </Fieldset>
      <Field id={id('priorEngagementId')} label="Prior engagement (optional)" hint="The previous period's engagement for this client, if any." error={errors.priorEngagementId}>
        {(control) => (
          <select {...control} value={values.priorEngagementId} onChange={(e) => set('priorEngagementId', e.target.value)}>
            <option value="">None</option>
            {priorEngagements.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save engagement'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};
