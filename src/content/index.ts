// The page scanner of the top frame (content-full.js): reads and marks the page, follows the settings live, answers
// the popup and the background, and gives the card layer its marks API. The background injects it once the small
// content script every page gets (boot.ts) finds that the page may name an entity; it takes the page over from there.
import browser from '../shared/browser.ts';
import { isContentRequest, type CardModelRequest, type MentionsResponse, type PageStatusMessage } from '../shared/messages.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import type { CardModel } from '../core/card.ts';
import type { Lang } from '../core/pack.ts';
import { isActiveOn, type Settings } from '../core/settings.ts';
import { createHighlightPainter, hasHighlightApi } from './highlight-painter.ts';
import { createCoreMatcher } from './core-matcher.ts';
import type { PageMatcher } from './matching.ts';
import { shippedAutomaton, shippedLexicon } from './shipped-lexicon.ts';
import { shippedNameFilter } from './shipped-name-filter.ts';
import { claimScanner, takeBoot } from './hand-off.ts';
import { createNameFilter, type NameFilter } from '../core/name-filter.ts';
import { liveRange, type Mark } from './mark-types.ts';
import { createMarksApi, setMarksApi, type ActivateReason } from './marks-api.ts';
import { findTextRoot } from './collect.ts';
import { detectLang, detectPublished } from './page-info.ts';
import { createPageScanner } from './page-scanner.ts';
import { createPageWatcher } from './page-watcher.ts';
import { createScheduler } from './scheduler.ts';
import { installTestHooks } from './test-hooks.ts';
import { createWrapperPainter } from './wrapper-painter.ts';
import { connectCards } from './card/connect.ts';

function startContentScript(forceWrapper: boolean): void {
  // Timing marks are visible to the page (a fingerprint): test and bench builds only.
  if (__TEST_BUILD__) performance.mark('csto-lens-start');
  // The boot script stops answering; its time counts as ours (a page that names someone pays for both).
  const boot = takeBoot();
  const scheduler = createScheduler();
  scheduler.stats.busyMs += boot?.busyMs ?? 0;
  scheduler.stats.filterMs += boot?.filterMs ?? 0;
  // The matcher (lexicon and automaton) is loaded on first use, and only a block the name filter cannot rule out uses
  // it: a page that names no entity never pays for loading it. Counted in the statistics.
  let compiled: PageMatcher | null = null;
  const core = (): PageMatcher => {
    if (!compiled) {
      const buildStart = performance.now();
      compiled = scheduler.measure(() => createCoreMatcher(shippedLexicon(), shippedAutomaton()));
      scheduler.stats.matcherBuildMs = performance.now() - buildStart;
    }
    return compiled;
  };
  let filter: NameFilter | null = null;
  const mayMention = (text: string) => {
    const start = performance.now();
    const answer = (filter ??= createNameFilter(shippedNameFilter())).mayMention(text);
    scheduler.stats.filterMs += performance.now() - start;
    return answer;
  };
  const matcher: PageMatcher = {
    // Once the matcher is loaded, it is as quick as the filter: the filter only saves loading it.
    scanBlock: (text, blockLang) => (compiled || mayMention(text) ? core().scanBlock(text, blockLang) : []),
    // No candidate anywhere: nothing to resolve, and no reason to load the matcher.
    resolve: (blocks, options) => (blocks.some((block) => block.length > 0) ? core().resolve(blocks, options) : blocks.map(() => [])),
    categoryOf: (entity) => core().categoryOf(entity),
  };
  let settings: Settings | null = null;
  let active = false;
  let lang: Lang | null = null;
  /** The article's publication day, read when first asked for (a card, the popup): undefined until then. */
  let published: string | null | undefined;
  const pagePublished = (): string | null => (published === undefined ? (published = detectPublished(document, findTextRoot(document))) : published);
  /** Index of the mention the next/previous commands last moved to. */
  let cursor = -1;

  // The watcher is created first so the wrapper fallback can hide its own DOM edits from it.
  let ignoreOwn: (work: () => void) => void = (work) => work();
  const highlighter = hasHighlightApi() && !forceWrapper ? createHighlightPainter(document) : null;
  const painter = highlighter ?? createWrapperPainter(document, (work) => ignoreOwn(work));

  const marksApi = createMarksApi({
    marks: () => scanner.marks(),
    markAt: (x, y) => scanner.markAt(x, y),
    page: () => ({ lang, published: pagePublished() }),
    requestCard: (request) =>
      browser.runtime
        .sendMessage({ type: 'csto-lens/card-model', ...request } satisfies CardModelRequest)
        .then((model) => (model ?? null) as CardModel | null)
        .catch(() => null),
  });
  setMarksApi(marksApi.api);
  // Entity cards: hover, click or tap a mark, or move to one with the next/previous commands (onActivate).
  connectCards(marksApi.api, { pageLang: () => lang, published: pagePublished });

  let statusTimer: ReturnType<typeof setTimeout> | null = null;
  let lastStatus = '';
  const reportStatus = () => {
    statusTimer = null;
    const distinct = new Set(scanner.marks().map((mark) => mark.entity)).size;
    const message: PageStatusMessage = { type: 'csto-lens/page-status', distinctEntities: active ? distinct : 0, enabled: active };
    const key = `${message.distinctEntities}/${message.enabled}`;
    if (key === lastStatus) return;
    lastStatus = key;
    void browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const scanner = createPageScanner(document, matcher, scheduler, painter, {
    onMarksChanged() {
      marksApi.emitChange();
      statusTimer ??= setTimeout(reportStatus, 200);
    },
    onShadowRoot: (root) => watcher.observeShadowRoot(root),
  });

  const watcher = createPageWatcher(document, {
    onChanges: (records) => scheduler.measure(() => scanner.pageChanged(records)),
    onNavigate: () => {
      if (active) readPage();
    },
    busyMs: () => scheduler.stats.busyMs,
  });
  ignoreOwn = (work) => watcher.ignoring(work);

  function markOptions(current: Settings) {
    return { categories: current.categories, firstMentionOnly: current.firstMentionOnly };
  }

  function readPage(): void {
    if (!settings) return;
    scheduler.measure(() => {
      const root = findTextRoot(document);
      // Read on demand: a page nobody asks about (no mark, no card) never pays for it.
      published = undefined;
      scanner.setLang(null);
      lang = null;
      scanner.start(markOptions(settings!));
      // The language needs the root the scanner chose; the sample walk is bounded.
      lang = detectLang(document, root, () => scanner.textSample());
      scanner.setLang(lang);
    });
    cursor = -1;
  }

  function apply(next: Settings): void {
    const previous = settings;
    settings = next;
    const nowActive = isActiveOn(next, location.hostname);
    painter.setStyle(next.markStyle);
    if (nowActive && !active) {
      active = true;
      readPage();
      watcher.start();
    } else if (!nowActive && active) {
      active = false;
      watcher.stop();
      scanner.stop();
      reportStatus();
    } else if (nowActive && previous && (previous.firstMentionOnly !== next.firstMentionOnly || JSON.stringify(previous.categories) !== JSON.stringify(next.categories))) {
      scanner.setOptions(markOptions(next));
    }
    if (!active) reportStatus();
  }

  /** Move to the next/previous mention (optionally of one entity), scroll it into view and tell the card layer. */
  function moveTo(direction: 1 | -1, reason: ActivateReason, entity?: string): Mark | null {
    const marks = scanner.marks();
    if (marks.length === 0) return null;
    for (let step = 1; step <= marks.length; step++) {
      const index = (((cursor + direction * step) % marks.length) + marks.length) % marks.length;
      const mark = marks[index]!;
      if (entity !== undefined && mark.entity !== entity) continue;
      cursor = index;
      scrollToMark(mark);
      marksApi.emitActivate(mark, index, reason);
      return mark;
    }
    return null;
  }

  function scrollToMark(mark: Mark): void {
    const rect = liveRange(mark.range).getBoundingClientRect();
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: reduced ? 'auto' : 'smooth' });
  }

  function answerMentions(): MentionsResponse {
    const mentions = active ? scanner.marks().map((mark) => ({ entity: mark.entity, text: mark.text })) : [];
    return { url: location.href, lang: lang ?? detectLang(document, findTextRoot(document), () => ''), published: active ? pagePublished() : detectPublished(document, findTextRoot(document)), mentions };
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'csto-lens/mentions') return Promise.resolve(answerMentions());
    if (message.type === 'csto-lens/go-to') {
      const mark = moveTo(1, 'go-to', message.entity);
      return Promise.resolve({ found: mark !== null });
    }
    if (message.command === 'toggle-annotations') {
      void updateSettings((current) => ({ ...current, enabled: !current.enabled }));
    } else {
      moveTo(message.command === 'next-mention' ? 1 : -1, message.command === 'next-mention' ? 'next' : 'previous');
    }
    return undefined;
  });

  onSettingsChanged(apply);
  void loadSettings().then(apply);

  if (__TEST_BUILD__) {
    installTestHooks({
      answerMentions,
      busy: () => scanner.busy,
      stats: () => ({ ...scheduler.stats, painter: painter.kind, tripped: watcher.tripped, highlightNames: highlighter?.names ?? null }),
      setSettings: (change) => updateSettings((current) => ({ ...current, ...change })),
      moveTo: (direction) => moveTo(direction, direction === 1 ? 'next' : 'previous')?.entity ?? null,
      entityAt: (x, y) => marksApi.api.mentionAt(x, y)?.entity ?? null,
    });
  }
}

if (window === window.top && claimScanner()) {
  // Test builds can ask for the wrapper fallback with #csto-lens-wrapper in the URL, to test it where highlights exist.
  startContentScript(__TEST_BUILD__ && location.hash.includes('csto-lens-wrapper'));
}
