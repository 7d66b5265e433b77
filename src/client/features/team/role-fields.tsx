import { roleSchema, type Role } from '../../../domain/records/membership';
import { Field } from '../../ui/form-field';
import { ROLE_HINTS, ROLE_LABELS } from '../../ui/role-labels';

type Props = {
  readonly idPrefix: string;
  readonly role: Role;
  readonly organization: string;
  readonly errors: { readonly role?: string | undefined; readonly organization?: string | undefined };
  readonly onRole: (role: Role) => void;
  readonly onOrganization: (organization: string) => void;
};

/** Role select, plus the organisation a client contact answers for (asked only for that role). */
export const RoleFields = ({ idPrefix, role, organization, errors, onRole, onOrganization }: Props) => (
  <>
    <Field id={`${idPrefix}-role`} label="Role" hint={ROLE_HINTS[role]} error={errors.role}>
      {(control) => (
        <select {...control} value={role} onChange={(e) => onRole(roleSchema.parse(e.target.value))}>
          {roleSchema.options.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
    {role === 'client' && (
      <Field id={`${idPrefix}-organization`} label="Organisation" hint="Required for a client contact: they see only requests addressed to it." error={errors.organization}>
        {(control) => (
          <input {...control} type="text" autoComplete="organization" value={organization} onChange={(e) => onOrganization(e.target.value)} maxLength={200} />
        )}
      </Field>
    )}
  </>
);
