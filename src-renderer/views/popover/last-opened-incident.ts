// Which incident the window last drilled into (`#/incident/<id>`, from a row, the header or a
// notification). Back from the detail view, focus returns to that incident's row, so the list must
// draw it in its first render even when it is far down a long list (the rest of the rows follow a
// moment later, after the first paint).
import { useNavigation } from '../../store/navigation-store.js';

let lastOpened: string | undefined = useNavigation.getState().incidentId;
useNavigation.subscribe((state) => {
  if (state.incidentId !== undefined) lastOpened = state.incidentId;
});

export function lastOpenedIncident(): string | undefined {
  return lastOpened;
}
