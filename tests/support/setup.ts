// Every test runs against the built-in simulator with quiet logs unless a test says otherwise.
process.env.LOG_LEVEL ??= 'silent';
process.env.SIMULATOR_CHUNK_DELAY_MS ??= '0';
// A fixed session secret, so no test writes one into a data directory.
process.env.AUTH_SECRET ??= 'test-only-auth-secret-0123456789abcdef';
