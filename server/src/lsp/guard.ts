// One failing feature must not take the server down: every handler runs inside a guard that
// logs the error and answers with an empty result.
export interface Logger {
	error(message: string): void;
	warn(message: string): void;
	info(message: string): void;
	log(message: string): void;
}

export function guard<P extends unknown[], R>(
	logger: Logger,
	name: string,
	empty: R,
	handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R> {
	return async (...args: P) => {
		try {
			return await handler(...args);
		} catch (error) {
			logger.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			return empty;
		}
	};
}

/** For notifications and other fire-and-forget work. */
export function guardVoid<P extends unknown[]>(
	logger: Logger,
	name: string,
	handler: (...args: P) => unknown,
): (...args: P) => void {
	const guarded = guard(logger, name, undefined, handler as (...args: P) => undefined);
	return (...args: P) => void guarded(...args);
}
