import { AutocompleteArrayInput, useTranslate } from 'react-admin';
import { ACTION_FAMILIES, joinActions, KNOWN_ACTIONS, splitActions } from './actions';
import { auditActionLabel } from './fields';

/** Action families (`recovery.*`) and single actions, picked by their translated names; the URL holds the codes. */
export const ActionFilterInput = (_props: { source: 'action'; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = [
    ...ACTION_FAMILIES.map((family) => ({
      id: `${family}.*`,
      name: translate('audit_ex.family', { family: translate(`audit_ex.families.${family}`) }),
    })),
    ...KNOWN_ACTIONS.map((action) => ({ id: action, name: auditActionLabel(translate, action) })),
  ];
  return (
    <AutocompleteArrayInput
      source="action"
      label="audit_ex.filters.action"
      choices={choices}
      translateChoice={false}
      format={splitActions}
      parse={joinActions}
      sx={{ minWidth: 260 }}
    />
  );
};
