/**
 * The `switchyard` command: parses the command line and runs one subcommand.
 * Usage errors exit 2; a failed check or a fatal error exits 1.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN } from './admin-client.ts';

const USAGE = `Usage: switchyard <command> [flags]

Commands:
  serve     -f PATH... [--admin HOST:PORT] [--bind-address IP] [--workers N] [--access-log] [--log-level L]
            Serve the Gateway API resources under PATH (files and directories, watched).
  check     -f PATH... [--bind-address IP]
            Translate offline; print every resource's conditions; exit 1 on any problem.
  get       KIND [NAME] [-n NS | -A] [-o json|yaml] [--admin HOST:PORT]
            List resources of a running gateway, as kubectl get prints them.
  describe  KIND [NAME] [-n NS] [--admin HOST:PORT]
            Show resources with their status conditions, as kubectl describe prints them.
  echo      [--text TEXT | --json] [--listen HOST:PORT] [--name NAME]
            A small HTTP echo backend for examples and tests.
  controller [--kubeconfig PATH] [--namespace NS] [--stream-listen HOST:PORT] [--proxy-image IMAGE]
            Kubernetes mode: watch the cluster, provision proxies, write status (docs/kubernetes.md).
  proxy     --controller HOST:PORT --gateway NS/NAME --key-file PATH [--bind-address IP]
            Serve one Gateway's configuration streamed from the controller.
  version   Print the version.
`;

function usageError(message: string): never {
  process.stderr.write(`switchyard: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: {
        filename: { type: 'string', short: 'f', multiple: true },
        admin: { type: 'string', default: DEFAULT_ADMIN },
        'bind-address': { type: 'string', default: '127.0.0.1' },
        workers: { type: 'string' },
        'access-log': { type: 'boolean', default: false },
        'log-level': { type: 'string', default: process.env.SWITCHYARD_LOG_LEVEL ?? 'info' },
      } });
      if (!values.filename?.length) usageError('serve needs at least one -f PATH');
      const { runServe } = await import('./serve.ts');
      return runServe({
        paths: values.filename, admin: values.admin, bindAddress: values['bind-address'],
        workers: values.workers === undefined ? undefined : Number(values.workers),
        accessLog: values['access-log'], logLevel: values['log-level'],
      });
    }
    case 'check': {
      const { values } = parseArgs({ args: rest, options: {
        filename: { type: 'string', short: 'f', multiple: true },
        'bind-address': { type: 'string', default: '127.0.0.1' },
      } });
      if (!values.filename?.length) usageError('check needs at least one -f PATH');
      const { runCheck } = await import('./check.ts');
      const outcome = await runCheck({ paths: values.filename, bindAddress: values['bind-address'] });
      process.stdout.write(outcome.text);
      return outcome.exitCode;
    }
    case 'get':
    case 'describe': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
        namespace: { type: 'string', short: 'n' },
        'all-namespaces': { type: 'boolean', short: 'A', default: false },
        output: { type: 'string', short: 'o' },
        admin: { type: 'string', default: process.env.SWITCHYARD_ADMIN ?? DEFAULT_ADMIN },
      } });
      const [resource, name] = positionals;
      if (!resource) usageError(`${command} needs a resource kind, e.g. gateways`);
      if (values.output !== undefined && values.output !== 'json' && values.output !== 'yaml') usageError('-o takes json or yaml');
      if (command === 'get') {
        const { runGet } = await import('./get.ts');
        process.stdout.write(await runGet({ resource, name, namespace: values.namespace, allNamespaces: values['all-namespaces'], output: values.output, admin: values.admin }));
      } else {
        const { runDescribe } = await import('./describe.ts');
        process.stdout.write(await runDescribe({ resource, name, namespace: values.namespace, admin: values.admin }));
      }
      return 0;
    }
    case 'controller': {
      const { runControllerCommand } = await import('./controller.ts');
      return runControllerCommand(rest);
    }
    case 'proxy': {
      const { runProxyCommand } = await import('./proxy.ts');
      return runProxyCommand(rest);
    }
    case 'echo': {
      const { runEcho } = await import('./echo.ts');
      return runEcho(rest);
    }
    case 'version':
    case '--version':
      process.stdout.write('switchyard 0.1.0\n');
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      return usageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`switchyard: ${(error as Error).message}\n`);
  process.exitCode = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
}
