/**
 * The built-in DeepSeek API simulator: a framework-free `Request → Response` protocol twin of the
 * DeepSeek API for offline use, tests and benchmarks. See docs/SIMULATOR.md.
 */
export type { AuthOptions } from './auth';
export { type FaultSpec, faultHeader, parseFault } from './faults';
export { createSimulator, maxBodyBytes, type Simulator, type SimulatorOptions } from './handler';
export { type HmacInput, signHmac } from './hmac';
export { type SimulatedModel, simulatedModels } from './models';
export { type RecordedRequest, SimulatorRecorder } from './recorder';
export { countTokens, tokenize } from './tokens';
