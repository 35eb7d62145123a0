// Completion latency: p50/p95 of completeAt on a real vault (default ../shared/vaults/sample)
// and on a generated 10k-note vault. Each request follows an edit of the note being typed in,
// as in an editor (didChange, then completion). Prints the top 10 labels after `[[` in a
// 关联主题 section, and the median per query once the first round is over (the first request
// builds the completion table). Run: node scripts/run-ts.mjs bench/completion.ts [vault-dir] [generated-size]
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionOptions, NoteId, Position } from '../server/src/core';
import { VaultIndex, completeAt, loadConfig } from '../server/src/core';
import { nodeFileSystem } from '../server/src/node/nodeFileSystem';
import { loadVault, readConfigFile } from '../server/src/workspace/loadVault';

const QUERIES = ['', 'a', 'ai', 'agent', 'rgzn', 'mx', 'claude code', '模型', '工具', 'zzzq'];
const ROUNDS = 20;

async function main(): Promise<void> {
	const root = path.resolve(process.argv[2] ?? '../shared/vaults/sample');
	const size = Number(process.argv[3] ?? 10_000);
	const config = await readConfigFile(nodeFileSystem, root);
	const sample = new VaultIndex(config.loaded);
	await loadVault(nodeFileSystem, root, sample);
	report(`sample (${sample.noteIds().length} notes)`, sample);
	report(`generated (${size} notes)`, generatedVault(size));
}

/** Times completion after `[[query` in a topics section of the first note that has one. */
function report(name: string, vault: VaultIndex): void {
	const topics = vault.config.config.topics.folder + '/';
	const id = vault
		.noteIds()
		.find(
			(candidate) => !candidate.startsWith(topics) && (vault.note(candidate)?.syntax?.topicSections.length ?? 0) > 0,
		)!;
	const section = vault.note(id)!.syntax!.topicSections[0]!;
	const times: number[] = [];
	const byQuery = new Map<string, number[]>();
	let first = 0;
	for (let round = 0; round < ROUNDS; round++) {
		for (const query of QUERIES) {
			const { text, position } = withLinkAt(id, section.startLine, query);
			vault.apply([{ kind: 'note', id, text }]);
			const started = process.cpuUsage();
			const result = completeAt(vault, id, text, position, OPTIONS);
			const used = process.cpuUsage(started);
			// CPU time of this process, not wall time: the numbers hold on a busy machine too.
			const elapsed = (used.user + used.system) / 1000;
			if (round === 0 && query === '') first = elapsed;
			times.push(elapsed);
			if (round > 0) byQuery.set(query, [...(byQuery.get(query) ?? []), elapsed]);
			if (round === 0 && query === '') printTop(name, id, result.items, result.isIncomplete);
		}
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
	const summary = `first ${first.toFixed(1)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
	console.log(`${name}: CPU time ${summary} (${times.length} requests, load ${os.loadavg()[0]!.toFixed(1)})`);
	const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!.toFixed(1);
	const perQuery = [...byQuery].map(([query, list]) => `'${query}' ${median(list)}`).join(', ');
	console.log(`${name}: median ms per query after the first round: ${perQuery}`);
}

const OPTIONS: CompletionOptions = { now: () => new Date(2026, 0, 1) };

/** The note's text (as indexed, rebuilt from its lines) with `- [[query]]` inserted at `line`. */
function withLinkAt(id: NoteId, line: number, query: string): { text: string; position: Position } {
	const original = originals.get(id) ?? lines(id);
	originals.set(id, original);
	const text = [...original.slice(0, line), `- [[${query}]]`, ...original.slice(line)].join('\n');
	return { text, position: { line, character: 4 + query.length } };
}

const originals = new Map<NoteId, string[]>();

/** The note's lines as on disk (or as generated). */
function lines(id: NoteId): string[] {
	const absolute = path.join(path.resolve(process.argv[2] ?? '../shared/vaults/sample'), id);
	const generated = generatedTexts.get(id);
	if (generated !== undefined) return generated.split('\n');
	return readFileSync(absolute, 'utf8').split(/\r?\n/);
}

function printTop(
	name: string,
	id: NoteId,
	items: readonly { label: string; textEdit: { newText: string } }[],
	incomplete: boolean,
): void {
	console.log(
		`${name}: top 10 after [[ in the 关联主题 section of ${id} (${items.length} items${incomplete ? ', incomplete' : ''}):`,
	);
	for (const item of items.slice(0, 10)) console.log(`  ${item.label}  ⇒ ${item.textEdit.newText}`);
}

const generatedTexts = new Map<NoteId, string>();

/** A deterministic vault: 100 topics, notes in 40 folders with Chinese and English names, full-path links. */
function generatedVault(size: number): VaultIndex {
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	const han = '人工智能模型数据工具系统学习网络开发设计语言平台服务安全搜索推理训练应用架构测试文档';
	const words = ['Agent', 'Claude', 'Rust', 'Go', 'Vector', 'Search', 'Model', 'Tool', 'Index', 'Cache'];
	const word = () =>
		random() < 0.5 ? pick(words) : Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick([...han])).join('');
	const topics = Array.from({ length: 100 }, (_, index) => `00-元语/${word()}${index}.md`);
	const vault = new VaultIndex(loadConfig(undefined));
	const changes = topics.map((id) => ({ kind: 'note' as const, id, text: `# ${id}` }));
	for (let index = 0; index < size; index++) {
		const id = `${String(1 + (index % 40)).padStart(2, '0')}-分类/${word()} ${word()}：${word()} ${index}.md`;
		const links = Array.from({ length: 3 }, () => `- [[${pick(topics).slice(0, -3)}]]`).join('\n');
		const text = `---\ntitle: ${word()}\n发布日期: 2025-0${1 + (index % 9)}-1${index % 10}\n---\n# 标题\n正文 ${word()}\n## 关联主题\n${links}\n`;
		generatedTexts.set(id, text);
		changes.push({ kind: 'note', id, text });
	}
	vault.apply(changes);
	return vault;
}

void main();
