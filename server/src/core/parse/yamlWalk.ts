// A walk over a `yaml` document tree, without recursion: front matter is untrusted input, and a
// deeply nested flow collection must not overflow the stack of the language server.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';

/** What a walk reports; every callback is optional. */
export interface YamlVisitor {
	/** A scalar; `inKey` is true inside a mapping key (keys are never links). */
	scalar?(node: Scalar, inKey: boolean): void;
	/** A mapping, before its pairs are walked; it may remove pairs (the walk keeps the old list). */
	map?(node: YAMLMap): void;
	alias?(node: Alias): void;
}

interface Step {
	readonly node: unknown;
	readonly inKey: boolean;
}

/** Visits every node under `root` in source order. */
export function walkYaml(root: Node | null | undefined, visitor: YamlVisitor): void {
	const stack: Step[] = [{ node: root, inKey: false }];
	while (stack.length > 0) {
		const { node, inKey } = stack.pop()!;
		if (isScalar(node)) visitor.scalar?.(node, inKey);
		else if (isAlias(node)) visitor.alias?.(node);
		else if (isMap(node)) {
			const pairs = [...node.items];
			visitor.map?.(node);
			for (let index = pairs.length - 1; index >= 0; index--) pushPair(stack, pairs[index]!, inKey);
		} else if (isSeq(node)) {
			for (let index = node.items.length - 1; index >= 0; index--) stack.push({ node: node.items[index], inKey });
		} else if (isPair(node)) pushPair(stack, node, inKey);
	}
}

function pushPair(stack: Step[], pair: Pair, inKey: boolean): void {
	stack.push({ node: pair.value, inKey });
	stack.push({ node: pair.key, inKey: true });
}

/**
 * The key the front-matter reader renames a repeated key to before conversion; it starts with NUL,
 * which YAML text can only escape.
 */
export const REPEATED_KEY = '\u0000vault-notes:repeated-key';

/** The property name a mapping key gets in JavaScript data, as the `yaml` package's `toJS` names it. */
export function yamlKeyName(key: unknown): string | undefined {
	if (key === null || key === undefined) return '';
	if (!isScalar(key)) return undefined;
	if (key.value === null) return '';
	if (typeof key.value === 'object') return undefined;
	return String(key.value);
}
