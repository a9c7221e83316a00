import { Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const roles = (permissions ?? []).map(role => translate(`rd.roles.${role}`, { _: role })).join(', ');

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('rd.dashboard.title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('rd.dashboard.title')}
        </Typography>
        {identity?.fullName && (
          <Typography>{translate('rd.dashboard.greeting', { name: identity.fullName })}</Typography>
        )}
        {roles && <Typography color="text.secondary">{translate('rd.dashboard.roles', { roles })}</Typography>}
        <Typography color="text.secondary" sx={{ mt: 2 }}>
          {translate('rd.dashboard.hint')}
        </Typography>
      </CardContent>
    </Card>
  );
};
