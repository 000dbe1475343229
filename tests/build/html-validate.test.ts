/** Every built HTML file is valid, accessible-by-construction HTML (html-validate, recommended rules). */
import { expect, it } from 'vitest';
import { relative } from 'node:path';
import { allHtmlFiles } from '../helpers/html.ts';
import { HtmlValidate } from 'html-validate';
import { testDist } from '../helpers/paths.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are "<entry title> | <site name>" and editors may write titles up to 120 characters;
    // a search engine shortening a long title is not an HTML error.
    'long-title': 'off',
  },
});

it('html-validate reports 0 errors over every built page', async () => {
  const files = allHtmlFiles();
  expect(files.length).toBeGreaterThan(50);
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages)
        problems.push(`${relative(testDist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems.slice(0, 30), `${problems.length} problems`).toEqual([]);
});
