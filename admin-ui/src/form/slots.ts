import { TWO_SIDED, type DocumentKind, type IdentityType, type PublicCase } from './api';
import type { Translate } from './i18n';

/** One upload slot of the form: a document kind, and how to name it (an identity side names its type). */
export interface Slot {
  kind: DocumentKind;
  /** Identity slots only: front / back of a two-sided document, or a passport's photo page. */
  side?: 'front' | 'back' | 'page';
}

/** The documents that still count (not asked again by the reviewer). */
export const liveDocuments = (view: PublicCase) => view.documents.filter((doc) => !doc.superseded);

/** The identity type as stated with the files already sent (the latest), else none yet. */
export function statedIdentityType(view: PublicCase): IdentityType | null {
  if (view.identityType) return view.identityType;
  const stated = liveDocuments(view).filter((doc) => doc.identityType);
  return stated.length ? (stated[stated.length - 1].identityType ?? null) : null;
}

/** The identity slots for a type: front and back for a two-sided document, one page for a passport. */
export function identitySlots(type: IdentityType | null): Slot[] {
  if (!type) return [];
  return TWO_SIDED.includes(type)
    ? [
        { kind: 'identity_front', side: 'front' },
        { kind: 'identity_back', side: 'back' },
      ]
    : [{ kind: 'identity_front', side: 'page' }];
}

/** The required slots, in the checklist's order; the identity document first (once its type is known). */
export function requiredSlots(view: PublicCase, type: IdentityType | null): Slot[] {
  return view.requiredDocuments.flatMap((kind) =>
    kind === 'identity_front' ? identitySlots(type) : kind === 'identity_back' ? [] : [{ kind }],
  );
}

/**
 * What is still missing before submitting: the server's list when it gives one, else counted here. `identity`
 * stands for the identity document when its type is not chosen yet.
 */
export function missingItems(view: PublicCase, type: IdentityType | null): (DocumentKind | 'identity')[] {
  const sent = new Set(liveDocuments(view).map((doc) => doc.kind));
  const local: (DocumentKind | 'identity')[] = [];
  for (const kind of view.requiredDocuments) {
    if (kind === 'identity_front') {
      if (!type && !sent.has('identity_front')) local.push('identity');
      else for (const slot of identitySlots(type ?? 'passport')) if (!sent.has(slot.kind)) local.push(slot.kind);
    } else if (!sent.has(kind)) local.push(kind);
  }
  if (!view.missing) return local;
  // The server's list, plus what only the page knows (the type chosen here before any file was sent).
  // With no type chosen yet, the identity document is one item ("choose its type"), whatever side the server counts.
  const server: (DocumentKind | 'identity')[] = view.missing.flatMap((kind) =>
    !type && (kind === 'identity_front' || kind === 'identity_back') ? ['identity' as const] : [kind],
  );
  for (const item of local) if (!server.includes(item)) server.push(item);
  return [...new Set(server)];
}

/** A slot's title in the page's language: "National ID card — back", "Proof of address"… */
export function slotLabel(slot: Slot, type: IdentityType | null, t: Translate): string {
  if (slot.side && type) return t(`identity_sides.${slot.side}`, { type: t(`identity_type.${type}`) });
  return t(`kind.${slot.kind}`);
}

/** A missing item's name, for the "still missing" list. */
export function missingLabel(item: DocumentKind | 'identity', type: IdentityType | null, t: Translate): string {
  if (item === 'identity') return t('documents.identity_item');
  if (item === 'identity_front' || item === 'identity_back') {
    if (!type) return t(`kind.${item}`);
    const side = item === 'identity_back' ? 'back' : TWO_SIDED.includes(type) ? 'front' : 'page';
    return slotLabel({ kind: item, side }, type, t);
  }
  return t(`kind.${item}`);
}
