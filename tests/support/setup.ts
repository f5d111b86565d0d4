// Every test runs against the built-in simulator with quiet logs unless a test says otherwise.
process.env.LOG_LEVEL ??= 'silent';
process.env.SIMULATOR_CHUNK_DELAY_MS ??= '0';
