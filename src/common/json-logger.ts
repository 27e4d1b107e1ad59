import type { LoggerService, LogLevel } from '@nestjs/common';
import { requestContext } from './request-context.js';

const ORDER: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** One JSON object per line, with the request id when there is one: easy to ship and query. */
export class JsonLogger implements LoggerService {
  private max: number;
  constructor(level: LogLevel = 'log') {
    this.max = ORDER.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('verbose', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]) {
    if (ORDER.indexOf(level) > this.max) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const ctx = requestContext.getStore();
    const line: Record<string, unknown> = { level, time: new Date().toISOString(), context };
    if (ctx) line.requestId = ctx.requestId;
    if (message && typeof message === 'object' && !(message instanceof Error)) Object.assign(line, message);
    else line.msg = message instanceof Error ? message.message : String(message);
    const trace = rest.find((r) => typeof r === 'string') ?? (message instanceof Error ? message.stack : undefined);
    if (level === 'error' && trace) line.stack = trace;
    (level === 'error' ? process.stderr : process.stdout).write(JSON.stringify(line) + '\n');
  }
}
