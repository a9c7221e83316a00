import { Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, useTranslate } from 'react-admin';
import { UserMenu } from './UserMenu';

/** React-admin's app bar (its toolbar holds the language switcher) with the product name before the page title. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar color="primary" userMenu={<UserMenu />}>
      <Typography component="span" variant="h6" sx={{ fontWeight: 600, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('rd.app_title')}
      </Typography>
      <TitlePortal sx={{ opacity: 0.85 }} />
    </RaAppBar>
  );
};
