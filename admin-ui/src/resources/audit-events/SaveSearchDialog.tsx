import { useState, type FormEvent } from 'react';
import SaveIcon from '@mui/icons-material/BookmarkAdd';
import { useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../../common/FormDialog';
import { TextInput } from '../../common/TextInput';
import { apiErrorOf } from '../../providers/http';
import { savedSearchApi } from './savedSearchApi';

/** Names the current filters and saves them (the server audits it). */
export const SaveSearchDialog = ({ query, onClose, onSaved }: { query: string; onClose(): void; onSaved(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setRefusal(null);
    try {
      const saved = await savedSearchApi.create(name.trim(), query);
      notify('audit_ex.saved.saved', { type: 'success', messageArgs: { name: saved.name } });
      onSaved();
    } catch (e) {
      setRefusal(apiErrorOf(e).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormDialog
      id="save-search-title"
      title={translate('audit_ex.saved.save_title')}
      intro={translate('audit_ex.saved.save_intro')}
      refusal={refusal}
      pending={pending}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate('audit_ex.saved.save')}
      submitIcon={<SaveIcon />}
      submitDisabled={!name.trim()}
      cancelLabel={translate('audit_ex.saved.cancel')}
    >
      <TextInput autoFocus name="name" label={translate('audit_ex.saved.name')} value={name} onValueChange={setName} maxLength={80} />
    </FormDialog>
  );
};
