#!/usr/bin/env node
// Writes a hostile vault into a folder: every bad input of docs/robustness.md that can live on a
// real disk (invalid UTF-8, binary, huge, a 1 MB line, deep nesting, 100,000 links, 10,000 keys,
// a YAML bomb, symlink loops and links out of the vault). Never committed as data: tests build
// it in a temporary folder. Usage: node scripts/hostileVault.mjs <dir>
import * as fs from 'node:fs';
import * as path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
	process.stderr.write('usage: node scripts/hostileVault.mjs <dir>\n');
	process.exit(2);
}
const root = path.resolve(dir);
fs.mkdirSync(root, { recursive: true });

/** The files and what `vault-notes check` must say about each (documented in docs/robustness.md). */
const files = {
	// A plain note so that the vault has ordinary errors too: it links to the hostile ones.
	'index.md': [
		'# Index',
		'',
		'[[invalid-utf8]] [[binary]] [[huge]] [[long-line]] [[nested-lists]] [[many-links]]',
		'[[many-keys]] [[yaml-bomb]] [[unterminated]] [[empty]] [[no-permission]] [[vanishing]]',
		'[[missing-on-purpose]]',
		'',
	].join('\n'),
	'invalid-utf8.md': Buffer.concat([Buffer.from('# Bad bytes\n'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a])]),
	'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
	// A 1 MB line of openings that never close: quadratic scanners stall on it.
	'long-line.md': '[[x '.repeat(250_000),
	// 10,000 levels of lists and quotes on one line each (nesting by indentation is quadratic in
	// size: 10,000 levels would be 100 MB), then 1,000 levels by indentation (1 MB).
	'nested-lists.md': [
		'- '.repeat(10_000) + '[[index]]',
		'1. '.repeat(10_000) + 'deep',
		'> '.repeat(10_000) + '- '.repeat(10_000) + 'quote',
		...Array.from({ length: 1_000 }, (_, level) => '  '.repeat(level) + '- item [[index]]'),
	].join('\n'),
	'many-links.md': Array.from({ length: 100_000 }, (_, index) => `[[note ${index % 50}]]`).join(' ') + '\n',
	'many-keys.md': [
		'---',
		...Array.from({ length: 10_000 }, (_, index) => `key${index}: "[[index]] ${index}"`),
		'---',
		'body',
	].join('\n'),
	// Billion laughs: nine levels of nine aliases. It must be refused, not expanded.
	'yaml-bomb.md': [
		'---',
		'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
		...'bcdefghi'.split('').map(
			(name, index) =>
				`${name}: &${name} [${Array(9)
					.fill('*' + 'abcdefghi'[index])
					.join(',')}]`,
		),
		'---',
		'[[index]]',
	].join('\n'),
	'unterminated.md': '---\ntitle: never closed\n[[index]]\n',
	'empty.md': '',
	'bom-crlf.md': '\ufeff# Heading\r\n[[index#Index]]\r\nlone\rcarriage [[nowhere-crlf]]\r\n',
	'no-permission.md': '# Tests inject EACCES here (as root, chmod cannot)\n',
	'vanishing.md': '# Tests delete this between the scan and the read\n',
};
for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);

// 50 MB, written in chunks: skipped by size (maxFileSize is 5 MB) without being read.
const huge = fs.openSync(path.join(root, 'huge.md'), 'w');
const chunk = Buffer.from('[[index]] filler text\n'.repeat(47_662));
for (let written = 0; written < 50_000_000; written += chunk.length) fs.writeSync(huge, chunk);
fs.closeSync(huge);
// Not readable for other users; the test suite runs as root too, so it injects the fault instead.
fs.chmodSync(path.join(root, 'no-permission.md'), 0o000);

// Symlinks: a folder loop, a pair of file links pointing at each other, links out of the vault.
fs.mkdirSync(path.join(root, 'loop'), { recursive: true });
fs.writeFileSync(path.join(root, 'loop', 'inside.md'), '[[index]]\n');
symlink('..', path.join(root, 'loop', 'parent'));
symlink('.', path.join(root, 'loop', 'self'));
symlink('ping.md', path.join(root, 'pong.md'));
symlink('pong.md', path.join(root, 'ping.md'));
symlink('/etc', path.join(root, 'outside-folder'));
symlink('/etc/hostname', path.join(root, 'outside-file.md'));
symlink(path.join(root, 'does-not-exist.md'), path.join(root, 'dangling.md'));

function symlink(target, link) {
	fs.rmSync(link, { force: true });
	fs.symlinkSync(target, link);
}
