export const CLI_DIR: string;
export function isFresh(info: { inputs: Record<string, number> } | undefined, root?: string, bundle?: string): boolean;
export function buildCli(): Promise<string>;
export function cliEntry(): Promise<string>;
