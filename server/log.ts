/** Where the terminal server reports what an operator should know. Tests pass a quiet or capturing one. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(`warning: ${message}`),
  error: (message, cause) => console.error(`error: ${message}`, ...(cause === undefined ? [] : [cause])),
};

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
