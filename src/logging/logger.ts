/**
 * Structured logging: one JSON line per event. Callers pass ids and codes, never names, IINs,
 * tokens or connection strings; as a second line of defence, fields whose names suggest secrets
 * or personal data are replaced before writing.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};
const REDACTED_KEYS =
  /token|secret|seed|password|authorization|cookie|iin|name|record|database_?url/i;

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = REDACTED_KEYS.test(key) ? '[redacted]' : value;
  }
  return out;
}

export function createLogger(
  level: LogLevel | 'silent',
  write: (line: string) => void = (line) => console.log(line),
  base: LogFields = {},
): Logger {
  return new JsonLineLogger(ORDER[level], write, redact(base));
}

/**
 * A class rather than closures: the web layer makes a child per request (to carry its id), and
 * a child is then one small object whose base fields were redacted once, when it was made.
 */
class JsonLineLogger implements Logger {
  constructor(
    private readonly threshold: number,
    private readonly write: (line: string) => void,
    /** Already redacted. */
    private readonly base: LogFields,
  ) {}

  debug(event: string, fields?: LogFields): void {
    this.emit('debug', event, fields);
  }
  info(event: string, fields?: LogFields): void {
    this.emit('info', event, fields);
  }
  warn(event: string, fields?: LogFields): void {
    this.emit('warn', event, fields);
  }
  error(event: string, fields?: LogFields): void {
    this.emit('error', event, fields);
  }
  child(fields: LogFields): Logger {
    return new JsonLineLogger(this.threshold, this.write, { ...this.base, ...redact(fields) });
  }

  private emit(at: LogLevel, event: string, fields: LogFields = {}): void {
    if (ORDER[at] < this.threshold) return;
    this.write(JSON.stringify({ level: at, event, ...this.base, ...redact(fields) }));
  }
}

/** A logger that keeps lines in memory, for tests that assert what was (not) logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  return Object.assign(logger, { lines });
}
