// Rest the pointer on a marked name, so a screenshot shows its card: `npm start` and the store screenshots use it.
// Highlight names are random per page, so the marks to prefer are given by their text (from the mentions answer).
import type { Page } from 'playwright-core';

/** Hover the topmost mark in the upper part of the viewport whose text is in `preferred` (any mark when none is). */
export async function hoverAMark(page: Page, preferred: readonly string[] = []): Promise<boolean> {
  const point = await page.evaluate((wanted) => {
    type Box = { x: number; y: number; preferred: boolean };
    let best: Box | null = null;
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    registry?.forEach((highlight) =>
      highlight.forEach((mark) => {
        const range = document.createRange();
        range.setStart(mark.startContainer, mark.startOffset);
        range.setEnd(mark.endContainer, mark.endOffset);
        const box = range.getClientRects()[0];
        if (!box || box.top <= 180 || box.bottom >= innerHeight * 0.6) return;
        const candidate = { x: box.left + box.width / 2, y: box.top + box.height / 2, preferred: wanted.includes(range.toString()) };
        if (!best || (candidate.preferred && !best.preferred) || (candidate.preferred === best.preferred && candidate.y < best.y)) best = candidate;
      }),
    );
    return best as Box | null;
  }, [...preferred]);
  if (!point) return false;
  await page.mouse.move(point.x - 4, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await page.waitForTimeout(1200);
  return true;
}
