// Entry point of the e2e suite (extensionTestsPath): VS Code loads the bundle out/e2e/suite.js
// built by test/e2e/runVsCode.mjs and awaits `run()`; a rejection makes the run exit non-zero.
// Add an area by writing test/e2e/suite/<area>.e2e.ts and importing it below (order = run order).
import './activation.e2e';
import './diagnostics.e2e';
import './views.e2e';
import './summary.e2e';
import './commands.e2e';
import './languageFeatures.e2e';
import { runAll } from './registry';

export function run(): Promise<void> {
	return runAll();
}
