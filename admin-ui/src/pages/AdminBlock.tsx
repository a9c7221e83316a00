import { Link as MuiLink, List, ListItem, ListItemText } from '@mui/material';
import { Link } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/UtcDateField';
import type { AdminHome } from './homeApi';
import { HomeBlock, Count, Counts } from './homeParts';
import { Note } from '../common/Note';

export const AdminBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <HomeBlock<AdminHome> role="admin">
      {(data) =>
        data.pendingRequests === 0 ? (
          <Note>{translate('calls.home.admin.none')}</Note>
        ) : (
          <>
            <Counts>
              <Count value={data.pendingRequests} label={translate('calls.home.admin.pending')} to="/staff" tone="warning" />
            </Counts>
            <List dense aria-label={translate('calls.home.admin.pending')}>
              {data.requests.map((r) => (
                <ListItem key={r.id} disableGutters>
                  <ListItemText
                    primary={
                      <MuiLink component={Link} to={`/staff/${r.staffId}/show`}>
                        {r.staffName}
                      </MuiLink>
                    }
                    secondary={[
                      translate(`sup.staff.pending_kind_${r.kind}`),
                      r.roles ? r.roles.map((role) => translate(`rd.roles.${role}`, { _: role })).join(', ') : null,
                      formatDateTime(r.createdAt, locale),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )
      }
    </HomeBlock>
  );
};
