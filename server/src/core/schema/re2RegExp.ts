// The regular-expression engine ajv uses for `pattern`, `patternProperties` and regex formats.
// Schemas come from the vault's config, which is untrusted: a JavaScript RegExp such as `^(a+)+$`
// backtracks exponentially, RE2 matches in linear time. Patterns RE2 cannot run (backreferences,
// lookaround) are refused when the schema is compiled.
import { RE2JS } from 're2js';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';

/** A backslash that is itself not escaped, then a named backreference (`\k<name>`). */
const NAMED_BACKREFERENCE = /(?:^|[^\\])(?:\\\\)*\\k</;

/** Compiles an ECMA-262 pattern (as JSON Schema writes them) to a linear-time matcher; throws when RE2 cannot. */
export const re2RegExp: RegExpEngine = Object.assign(
	(pattern: string, unicodeFlag: string): RegExpLike => {
		// re2js would silently read `\k<name>` as the letter k; refuse it like the numbered backreferences.
		if (NAMED_BACKREFERENCE.test(pattern)) throw new Error(`pattern "${pattern}": backreferences are not supported`);
		let compiled: RE2JS;
		try {
			compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new Error(`pattern "${pattern}" is not supported (no backreferences or lookaround): ${reason}`);
		}
		// ajv caches compiled patterns by `toString()`: without it every pattern would share the first one.
		const matcher: RegExpLike & { toString(): string } = {
			test: (input: string) => compiled.test(input),
			toString: () => `/${pattern}/${unicodeFlag}`,
		};
		return matcher;
	},
	{ code: 're2' },
);
