import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Box, Button, CircularProgress, FormControlLabel, InputAdornment, Switch, Tooltip } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useListContext, useStore, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { TextInput } from '../../common/TextInput';

/** Free text shorter than this is refused by the API; typing searches by itself only from here on. */
export const MIN_SEARCH_CHARS = 3;
/** Pause in typing before the search runs by itself (Enter searches at once). */
export const SEARCH_DEBOUNCE_MS = 600;

// The call reference the agent is working on: typed here or on the account page, it fills both. In its own module
// so the home page's search box does not pull this form (and its tooltips and switches) into the first download.
export { CALL_REFERENCE_KEY } from './callReference';
import { CALL_REFERENCE_KEY } from './callReference';

/**
 * One box for the customer ID, email, phone or name, and the call reference. Enter searches at once; typing
 * searches after a pause once there are 3 characters, so the API (which audits every search) is not asked at
 * each keystroke. The server's message goes to the notification, its per-field messages under the fields.
 * A name finds accounts with all its words; "similar spellings" also asks for names spelled differently (the
 * server falls back to them by itself when no account has all the words, unless the last word has only one or two
 * letters: a name still being typed, such as the pause at "Loïc Wr", is not a misspelling).
 */
export const AccountSearchForm = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, error, isFetching } = useListContext();
  const [callRef, setCallRef] = useStore<string>(CALL_REFERENCE_KEY, '');
  const [text, setText] = useState<string>(typeof filterValues.q === 'string' ? filterValues.q : '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelPending, []);

  const [similar, setSimilar] = useState<boolean>(filterValues.similar === true);

  const search = (q: string, reference: string, withSimilar = similar) => {
    cancelPending();
    const query = q.trim();
    const ref = reference.trim();
    setFilters(query ? { q: query, ...(ref ? { callRef: ref } : {}), ...(withSimilar ? { similar: true } : {}) } : {}, undefined, false);
  };

  const onSimilarChange = (checked: boolean) => {
    setSimilar(checked);
    if (text.trim().length >= MIN_SEARCH_CHARS) search(text, callRef, checked);
  };

  const onTextChange = (value: string) => {
    setText(value);
    cancelPending();
    if (value.trim() === '') search('', callRef);
    else if (value.trim().length >= MIN_SEARCH_CHARS) {
      timer.current = setTimeout(() => search(value, callRef), SEARCH_DEBOUNCE_MS);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(text, callRef);
  };

  // The server's field messages concern the query that was sent: hide them once the agent types something else.
  const fieldErrors = error && text.trim() === filterValues.q ? apiErrorOf(error).errors : {};

  return (
    <Box
      component="form"
      role="search"
      onSubmit={onSubmit}
      noValidate
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', p: 2 }}
    >
      <TextInput
        fullWidth={false}
        autoFocus
        name="q"
        type="search"
        value={text}
        onValueChange={onTextChange}
        label={translate('rd.accounts.search.q')}
        help={translate('rd.accounts.search.q_help')}
        error={fieldErrors.q}
        spellCheck={false}
        sx={{ flex: '3 1 360px' }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">{isFetching ? <CircularProgress size={20} /> : <SearchIcon />}</InputAdornment>
            ),
          },
          htmlInput: { maxLength: 200, 'aria-describedby': 'account-search-hint' },
        }}
      />
      <TextInput
        fullWidth={false}
        name="callRef"
        value={callRef}
        onValueChange={setCallRef}
        label={translate('rd.accounts.search.call_ref')}
        help={translate('rd.accounts.search.call_ref_help')}
        error={fieldErrors.callRef}
        sx={{ flex: '1 1 200px' }}
        maxLength={100}
      />
      <Tooltip title={translate('rd.accounts.search.similar_help')}>
        <FormControlLabel
          control={<Switch name="similar" checked={similar} onChange={(event) => onSimilarChange(event.target.checked)} />}
          label={translate('rd.accounts.search.similar')}
          sx={{ mt: 1 }}
        />
      </Tooltip>
      <Button type="submit" variant="contained" startIcon={<SearchIcon />} sx={{ mt: 1 }}>
        {translate('rd.accounts.search.submit')}
      </Button>
    </Box>
  );
};
