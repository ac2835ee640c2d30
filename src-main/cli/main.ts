// The `incident-tray` command (DESIGN.md §5). Exit codes: 0 ok, 1 a step failed, 2 bad input/usage.
import { Command, CommanderError } from 'commander';
import { SEVERITIES } from '../../src-shared/domain.js';
import { createCliContext, EXIT_STEP_FAILED, EXIT_USAGE, processIo, UsageError, type CliIo } from './cli-context.js';
import { runDeclare } from './commands/declare-command.js';
import { runDoctor } from './commands/doctor-command.js';
import { runResolve, runUpdate } from './commands/incident-commands.js';
import { runList } from './commands/list-command.js';
import { runOutbox } from './commands/outbox-command.js';
import { runRetry } from './commands/retry-command.js';
import { runWatch } from './commands/watch-command.js';

// The servers (Fastify, the hub's storage) load only for the commands that run them: `watch` runs
// for hours and `list` should answer at once, without carrying them.
const hubCommand = () => import('./commands/hub-command.js');
const uiCommand = () => import('./commands/ui-command.js');

export async function main(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const context = createCliContext(io, env);
  let exitCode = 0;
  const set = (code: number) => {
    exitCode = code;
  };
  const program = new Command('incident-tray')
    .description('Declare, watch and run incidents from the terminal (the tray app\'s headless core).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError('(run `incident-tray --help` for the commands)');

  const hub = program.command('hub').description('run the shared incident API server');
  hub
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8787')
    .option('--db <path>', 'SQLite file of the hub (the default backend)')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite (postgres://…; or env DATABASE_URL): several hub instances may share it')
    .action(async (options) => set(await (await hubCommand()).runHub(context, options)));
  hub
    .command('token')
    .description('manage hub bearer tokens')
    .command('create')
    .description('create a token for a user and print it alone on stdout')
    .requiredOption('--user <email>', 'whose token it is')
    .option('--db <path>', 'SQLite file of the hub')
    .option('--database-url <url>', 'PostgreSQL database of the hub (or env DATABASE_URL)')
    // `--db` after `create` is taken by `hub`'s own --db option: read both levels.
    .action(async (_options, command: Command) => set(await (await hubCommand()).runHubTokenCreate(context, command.optsWithGlobals())));

  program
    .command('declare')
    .description('declare an incident: name, Slack war room, PagerDuty page, hub record')
    .requiredOption('--title <title>', 'what is broken, in a few words')
    .requiredOption('--severity <severity>', SEVERITIES.join('|'))
    .option('--service <id-or-name>', 'affected PagerDuty service')
    .option('--description <text>', 'more detail')
    .option('--json', 'print one JSON object')
    .action(async (options) => set(await runDeclare(context, options)));

  program
    .command('list')
    .description('list open incidents')
    .option('--json', 'print one JSON object')
    .action(async (options) => set(await runList(context, options)));

  program
    .command('update')
    .description('post a status update: the hub record (restarts the update countdown), the war room and the digest')
    .argument('<id>', 'incident id or name')
    .requiredOption('--message <message>', 'the update')
    .option('--status <status>', 'investigating|identified|monitoring, changed with the update')
    .option('--json', 'print one JSON object')
    .action(async (id: string, options) => set(await runUpdate(context, id, options)));

  program
    .command('resolve')
    .description('resolve an incident: the hub record, the PagerDuty incident it opened, the war room and the digest')
    .argument('<id>', 'incident id or name')
    .option('--message <message>', 'closing words for the war room')
    .option('--json', 'print one JSON object')
    .action(async (id: string, options) => set(await runResolve(context, id, options)));

  program
    .command('doctor')
    .description('check configuration and connectivity to Slack, PagerDuty and the hub')
    .option('--json', 'print one JSON object')
    .action(async (options) => set(await runDoctor(context, options)));

  program
    .command('outbox')
    .description('list declares with unfinished steps')
    .option('--json', 'print one JSON object')
    .action(async (options) => set(await runOutbox(context, options)));

  program
    .command('retry')
    .description('resume unfinished declares now')
    .argument('[id]', 'only this declare (id or name)')
    .option('--json', 'print one JSON object')
    .action(async (id: string | undefined, options) => set(await runRetry(context, id, options)));

  program
    .command('watch')
    .description('run the watchers headless and print each notification the app would raise')
    .option('--json', 'one JSON object a line')
    .action(async (options) => set(await runWatch(context, options)));

  program
    .command('ui')
    .description('serve the real UI over HTTP for a browser (headless core + renderer)')
    .option('--port <port>', 'port (0: any free one)', '0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (options) => set(await (await uiCommand()).runUi(context, options)));

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? 0
        : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    io.err(`incident-tray: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_STEP_FAILED;
  } finally {
    await context.dispose();
  }
}
