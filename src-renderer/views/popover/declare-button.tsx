import { PlusIcon } from '../../components/icons.js';
import { useNavigation } from '../../store/navigation-store.js';

export function DeclareButton() {
  const show = useNavigation((s) => s.show);
  return (
    <button type="button" className="btn btn-primary" onClick={() => void show('declare')}>
      <PlusIcon />
      Declare incident…
    </button>
  );
}
