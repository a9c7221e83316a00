import { useState } from 'react';
import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** What a supervisor writes when acknowledging (one alert or several): 3 characters at least, as the server asks. */
export const useAckComment = () => {
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invalid = comment.trim().length < 3;
  return { comment, setComment, touched, setTouched, error, setError, invalid };
};

export const AckCommentField = ({ state }: { state: ReturnType<typeof useAckComment> }) => {
  const translate = useTranslate();
  const { comment, setComment, touched, setTouched, error, invalid } = state;
  return (
    <TextField
      autoFocus
      required
      multiline
      minRows={3}
      name="comment"
      label={translate('sup.alerts.comment')}
      value={comment}
      onChange={(e) => setComment(e.target.value)}
      onBlur={() => setTouched(true)}
      error={(touched && invalid) || !!error}
      helperText={error ?? (touched && invalid ? translate('sup.alerts.comment_required') : ' ')}
      slotProps={{ htmlInput: { maxLength: 1000 } }}
    />
  );
};
