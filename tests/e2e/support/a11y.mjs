// axe-core through @axe-core/playwright, WCAG 2.0/2.1 A and AA rules; a failure lists each
// violation with the elements it found, so the report says what to fix.
import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function formatViolations(violations, label = '') {
  const lines = [`${violations.length} accessibility violation(s)${label ? ` on ${label}` : ''}:`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    at ${node.target.join(' ')}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `      ${l}`));
    }
    if (v.nodes.length > 8) lines.push(`    ... and ${v.nodes.length - 8} more element(s)`);
  }
  return lines.join('\n');
}

export async function analyse(page, { exclude = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  return builder.analyze();
}

// Throws with a readable list when axe finds any WCAG 2.1 A/AA violation on the page as it is now.
export async function expectAccessible(page, label = page.url(), options) {
  const results = await analyse(page, options);
  if (results.violations.length) {
    const error = new Error(formatViolations(results.violations, label));
    error.violations = results.violations;
    throw error;
  }
  return results;
}
