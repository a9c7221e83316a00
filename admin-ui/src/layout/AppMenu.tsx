import { createElement } from 'react';
import DefaultIcon from '@mui/icons-material/ViewList';
import {
  Menu,
  MenuItemLink,
  useCanAccessResources,
  useCreatePath,
  useGetResourceLabel,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { QueuesMenuItem } from '../supervision/QueuesMenuItem';

/**
 * The menu lists a resource only when `authProvider.canAccess` allows its list. All checks are asked at
 * once and the menu says `aria-busy` until they answer, so nobody (tests included) sees a half-built menu.
 */
export const AppMenu = () => {
  const definitions = useResourceDefinitions();
  const names = Object.keys(definitions).filter((name) => definitions[name].hasList);
  const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources: names });
  const createPath = useCreatePath();
  const getResourceLabel = useGetResourceLabel();
  const translate = useTranslate();

  return (
    <Menu aria-busy={isPending} aria-label={translate('rd.main_menu')}>
      <Menu.DashboardItem />
      {!isPending &&
        names
          .filter((name) => canAccess?.[name] === true)
          .map((name) => (
            <MenuItemLink
              key={name}
              to={createPath({ resource: name, type: 'list' })}
              state={{ _scrollToTop: true }}
              primaryText={getResourceLabel(name, 2)}
              leftIcon={createElement(definitions[name].icon ?? DefaultIcon)}
            />
          ))}
      {!isPending && <QueuesMenuItem />}
    </Menu>
  );
};
