import { useCallback, useEffect, useState } from 'react';
import { Button, Divider, IconButton, ListItemText, Menu, MenuItem } from '@mui/material';
import SavedIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { filtersToQuery, queryToFilters, savedSearchApi } from './savedSearchApi';
import { SaveSearchDialog } from './SaveSearchDialog';
import type { SavedAuditSearch } from './types';

/** "Saved searches": apply one of mine, delete one, or save the current filters under a name. */
export const SavedSearchesMenu = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues, setFilters } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [searches, setSearches] = useState<SavedAuditSearch[]>([]);
  const [saving, setSaving] = useState(false);
  const query = filtersToQuery(filterValues ?? {});

  const reload = useCallback(() => {
    savedSearchApi.list().then(setSearches, (e: unknown) => notify(apiErrorOf(e).message, { type: 'error' }));
  }, [notify]);
  useEffect(reload, [reload]);

  const apply = (s: SavedAuditSearch) => {
    setAnchor(null);
    setFilters(queryToFilters(s.query), {}, false);
  };
  const remove = async (s: SavedAuditSearch) => {
    try {
      await savedSearchApi.remove(s.id);
      notify('audit_ex.saved.deleted', { type: 'info', messageArgs: { name: s.name } });
    } catch (e) {
      notify(apiErrorOf(e).message, { type: 'error' });
    }
    reload();
  };

  return (
    <>
      <Button size="small" startIcon={<SavedIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {translate('audit_ex.saved.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {searches.length === 0 && <MenuItem disabled>{translate('audit_ex.saved.none')}</MenuItem>}
        {searches.map((s) => (
          <MenuItem key={s.id} onClick={() => apply(s)}>
            <ListItemText primary={s.name} />
            <IconButton
              edge="end"
              size="small"
              aria-label={translate('audit_ex.saved.delete', { name: s.name })}
              onClick={(e) => {
                e.stopPropagation();
                void remove(s);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          disabled={!query}
          onClick={() => {
            setAnchor(null);
            setSaving(true);
          }}
        >
          {translate(query ? 'audit_ex.saved.save' : 'audit_ex.saved.no_filter')}
        </MenuItem>
      </Menu>
      {saving && (
        <SaveSearchDialog
          query={query}
          onClose={() => setSaving(false)}
          onSaved={() => {
            setSaving(false);
            reload();
          }}
        />
      )}
    </>
  );
};
