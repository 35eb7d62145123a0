// Completion's fast pinyin (pinyin-pro's array output, run by run of Han characters, cached) must
// equal the reference conversion of the whole text with pinyin-pro's syllable objects.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PinyinCache } from '../../server/src/core/features/completion/pinyin';
import { pinyinBySyllables, pinyinOf } from '../../server/src/core/features/completion/pinyin';

const NAMES = [
	'人工智能',
	'AI辅助如何影响编程技能的形成',
	'存在与时间：修订译本 2',
	'中国银行行长的音乐',
	'重庆 重要 长大 长度 音乐 快乐',
	'Rust 语言',
	'马丁·海德格尔',
	'本来今天标题想炸裂一下，飞书没让我用，但确实很炸裂。',
	'GPU互连',
	'2024-12-02 周报',
	'〇々〆ー',
	'',
];

// Polyphonic characters, words that decide their reading, Latin (with context-dependent lower
// case), digits, punctuation, astral and combining characters.
const ALPHABET = [...'长行重乐的了一个中国银行长大音乐人工智能模型 AIΣİΑ𐐀,.：、（）1 2x-_·〇々ーé😀𠀀\u0301'];

describe('pinyin for completion', () => {
	test('equals the syllable conversion on names', () => {
		const cache: PinyinCache = new Map();
		for (const name of NAMES) {
			expect(pinyinOf(name), name).toEqual(pinyinBySyllables(name));
			expect(pinyinOf(name, cache), name).toEqual(pinyinBySyllables(name));
		}
		expect(pinyinOf('人工智能')).toEqual({ full: 'rengongzhineng', initials: 'rgzn' });
	});

	test('equals the syllable conversion on random text, with and without a shared cache', () => {
		const cache: PinyinCache = new Map();
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }), (characters) => {
				const text = characters.join('');
				const expected = pinyinBySyllables(text);
				expect(pinyinOf(text)).toEqual(expected);
				expect(pinyinOf(text, cache)).toEqual(expected);
			}),
			{ numRuns: 3000, seed: 20261128 },
		);
	});
});
