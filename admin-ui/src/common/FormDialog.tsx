import type { FormEvent, ReactNode } from 'react';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  type DialogProps,
  type SxProps,
  type Theme,
} from '@mui/material';
import { useTranslate } from 'react-admin';

interface Props {
  open?: boolean;
  /** The title's id: the dialog is labelled by it. */
  id: string;
  title: ReactNode;
  /** The explanation above the fields. */
  intro?: ReactNode;
  /** The server's refusal: the dialog stays open and says why. */
  refusal?: string | null;
  pending: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): void | Promise<void>;
  submitLabel: ReactNode;
  submitIcon?: ReactNode;
  color?: 'primary' | 'warning' | 'error' | 'success';
  submitDisabled?: boolean;
  cancelLabel?: ReactNode;
  contentSx?: SxProps<Theme>;
  /** Placement overrides (a dialog beside a preview, say). */
  dialogProps?: Partial<DialogProps>;
  children?: ReactNode;
}

/** The console's one dialog with a form: title, explanation, refusal, fields, cancel and a busy submit button. */
export const FormDialog = ({
  open = true,
  id,
  title,
  intro,
  refusal,
  pending,
  onClose,
  onSubmit,
  submitLabel,
  submitIcon,
  color = 'primary',
  submitDisabled = false,
  cancelLabel,
  contentSx,
  dialogProps,
  children,
}: Props) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={() => !pending && onClose()} aria-labelledby={id} fullWidth maxWidth="sm" {...dialogProps}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent sx={contentSx}>
          {intro && (
            <DialogContentText component="div" sx={{ mb: 2 }}>
              {intro}
            </DialogContentText>
          )}
          {refusal && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {refusal}
            </Alert>
          )}
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {cancelLabel ?? translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={color}
            disabled={pending || submitDisabled}
            startIcon={pending ? <CircularProgress size={16} color="inherit" /> : submitIcon}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
