import { SelectInput, useTranslate } from 'react-admin';

interface Props {
  source: string;
  alwaysOn?: boolean;
  /** The statuses offered, translated under `<prefix>.<status>`. */
  statuses: readonly string[];
  prefix: string;
  label: string;
  /** What the empty choice means (the API's default): named rather than a blank field. */
  emptyText: string;
  minWidth: number;
}

/** A list's status filter: every status translated, the empty choice named. */
export const StatusFilter = ({ statuses, prefix, emptyText, minWidth, ...props }: Props) => {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      choices={statuses.map((status) => ({ id: status, name: `${prefix}.${status}` }))}
      emptyText={translate(emptyText)}
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      sx={{ minWidth }}
    />
  );
};
