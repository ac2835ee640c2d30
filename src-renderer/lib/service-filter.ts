// Narrows the last list main sent while its answer to the newest query is still on the way, so the
// picker follows every keystroke; main's own answer replaces this as soon as it arrives.
import type { ServiceOption } from '../../src-shared/domain.js';

const normalise = (text: string) => text.trim().toLocaleLowerCase();

export function filterServices(services: readonly ServiceOption[], query: string): ServiceOption[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((service) => {
    const haystack = normalise(`${service.name} ${service.summary ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}
