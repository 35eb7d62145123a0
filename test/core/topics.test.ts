// The topics view (vaultNotes/topics): topics with their member counts, or one topic's notes,
// one line each: `path 'title' count`.
import { describe, expect, test } from 'vitest';
import type { TopicsQuery } from '../../server/src/core';
import { listTopics } from '../../server/src/core';
import { trimIndent } from '../support/fixture';
import { vaultFromFixture } from '../support/vaultFixture';

function checkTopics(source: string, query: TopicsQuery, expected: string): void {
	const { vault } = vaultFromFixture(source);
	const rendered = listTopics(vault, query).map((item) => `${item.id} '${item.title}' ${item.count}`);
	expect(rendered.join('\n')).toBe(trimIndent(expected));
}

const VAULT = `
	//- /00-元语/AI.md
	---
	title: 人工智能
	---
	//- /00-元语/sub/安全.md
	//- /00-元语/Rust.md
	//- /00-元语/空.md
	//- /01-博客/a.md
	## 关联主题
	- [[AI]]
	- [[安全]]
	- [[AI]]
	//- /01-博客/b.md
	---
	title: Bee
	---
	## 关联主题
	- [[00-元语/AI]]
	- [[Rust]]
	//- /01-博客/c.md
	Body mention of [[Rust]] and [[安全]] is not membership.
	## 关联主题
	- [[安全]]
	//- /01-博客/d.md
	Only a body link to [[AI]].
	`;

describe('topics', () => {
	test('topic notes (subfolders included) by distinct member notes, then by title', () =>
		checkTopics(
			VAULT,
			{},
			`
			00-元语/AI.md '人工智能' 2
			00-元语/sub/安全.md '安全' 2
			00-元语/Rust.md 'Rust' 1
			00-元语/空.md '空' 0
			`,
		));

	test('the notes of one topic, by title, each with its own backlink count', () =>
		checkTopics(
			VAULT,
			{ topic: '00-元语/AI.md' },
			`
			01-博客/a.md 'a' 0
			01-博客/b.md 'Bee' 0
			`,
		));

	test('the topics folder comes from the config; ignored notes are neither topics nor members', () =>
		checkTopics(
			`
			//- /.vault-notes.json
			{ "topics": { "folder": "tags" }, "ignore": ["tags/old.md", "drafts/**"] }
			//- /tags/new.md
			//- /tags/old.md
			//- /drafts/x.md
			## 关联主题
			[[new]]
			//- /y.md
			## 关联主题
			[[new]] [[old]]
			`,
			{},
			`
			tags/new.md 'new' 1
			`,
		));
});
