import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import { useTranslate } from 'react-admin';
import { STAFF_ROLES } from '../../supervision/api';

/** The four roles as checkboxes (a staff member may hold several). */
export const RoleChecks = ({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string | null;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <FormControl component="fieldset" error={!!error} disabled={disabled}>
      <FormLabel component="legend">{translate('sup.staff.roles')}</FormLabel>
      <FormGroup row>
        {STAFF_ROLES.map((role) => (
          <FormControlLabel
            key={role}
            control={
              <Checkbox
                name={`role-${role}`}
                checked={value.includes(role)}
                onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
              />
            }
            label={translate(`rd.roles.${role}`)}
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};
