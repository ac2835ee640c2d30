import { PlusIcon } from '../../components/icons.js';
import { useNavigation } from '../../store/navigation-store.js';

/**
 * "Declare incident…", or "Declare" where it shares a row with the filter (`compact`): the
 * accessible name stays the full one, which contains the visible word (WCAG 2.5.3, label in name).
 */
export function DeclareButton({ compact = false }: { compact?: boolean }) {
  const show = useNavigation((s) => s.show);
  return (
    <button
      type="button"
      className={compact ? 'btn btn-primary declare-compact' : 'btn btn-primary'}
      aria-label={compact ? 'Declare incident…' : undefined}
      title={compact ? 'Declare incident…' : undefined}
      onClick={() => void show('declare')}
    >
      <PlusIcon />
      {compact ? 'Declare' : 'Declare incident…'}
    </button>
  );
}
