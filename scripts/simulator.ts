import { parseCli, usage } from '@/lib/simulator/cli';
import { createSimulator } from '@/lib/simulator/index';
import { startSimulatorServer } from '@/lib/simulator/node-server';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  const simulator = createSimulator({
    auth: options.auth,
    chunkDelayMs: options.chunkDelayMs,
    defaultFault: options.defaultFault,
  });
  const running = await startSimulatorServer(simulator, { port: options.port, host: options.host });
  process.stdout.write(
    `DeepSeek simulator listening on ${running.url} (auth: ${options.auth.scheme}, chunk delay: ${options.chunkDelayMs} ms)\n`,
  );
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
