export { Logger, maskingSink, stderrSink, type LogLevel, type LogSink, type LoggerOptions } from './logger';
export { maskSecrets, maskValue } from './mask';
