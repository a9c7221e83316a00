import { forwardRef } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import SettingsIcon from '@mui/icons-material/Settings';
import { Link } from 'react-router-dom';
import { Logout, UserMenu as RaUserMenu, useTranslate, useUserMenu } from 'react-admin';

/** "My settings" (every staff member's own), then sign out. */
const MySettingsItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/my-settings" ref={ref} onClick={() => menu?.onClose()} {...props}>
      <ListItemIcon>
        <SettingsIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('desk.settings.menu')}</ListItemText>
    </MenuItem>
  );
});
MySettingsItem.displayName = 'MySettingsItem';

export const UserMenu = () => (
  <RaUserMenu>
    <MySettingsItem />
    <Logout />
  </RaUserMenu>
);
