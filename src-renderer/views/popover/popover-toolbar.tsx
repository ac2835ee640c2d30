import { plural } from '../../lib/labels.js';
import { DeclareButton } from './declare-button.js';

export function PopoverToolbar({ count }: { count: number }) {
  return (
    <div className="popover-toolbar">
      <span className="open-count">{plural(count, 'open incident', 'open incidents')}</span>
      <DeclareButton />
    </div>
  );
}
