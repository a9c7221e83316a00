import { Chip } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import BrokenIcon from '@mui/icons-material/LinkOffOutlined';
import { useTranslate } from 'react-admin';

/** One entry's chain state, or (with `count`) the story's: verified, or broken at its first bad entry. */
export const ChainBadge = ({ verified, count, brokenAt }: { verified: boolean; count?: number; brokenAt?: string | null }) => {
  const translate = useTranslate();
  const label =
    count === undefined
      ? translate(verified ? 'story.chain.entry_verified' : 'story.chain.entry_broken')
      : verified
        ? translate('story.chain.verified', { smart_count: count })
        : translate('story.chain.broken', { id: brokenAt ?? '?' });
  return (
    <Chip
      size="small"
      variant={count === undefined ? 'outlined' : 'filled'}
      color={verified ? 'success' : 'error'}
      icon={verified ? <VerifiedIcon /> : <BrokenIcon />}
      label={label}
      data-testid={count === undefined ? undefined : 'story-chain'}
    />
  );
};
