import type { Role } from '@lcs/shared';
import { roleLabels } from '../lib/roleLabels.ts';

const roles = Object.keys(roleLabels) as Role[];

/** The `<option>`s of a role picker, in the order of {@link roleLabels}. */
export function RoleOptions() {
  return roles.map((role) => (
    <option key={role} value={role}>
      {roleLabels[role]}
    </option>
  ));
}
