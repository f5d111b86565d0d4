/**
 * One schema for PGlite and Postgres, one module per concern; everything is re-exported here
 * (drizzle-kit and the queries import this index).
 */
export * from './accounting';
export * from './accounts';
export * from './conversations';
export * from './workspace';
