// Content script of the top frame: answers the contract message. Page scanning arrives with issue 5.
import browser from '../shared/browser.ts';
import { isContentRequest, type MentionsResponse } from '../shared/messages.ts';
import type { Lang } from '../core/pack.ts';
import { LANGS } from '../core/pack.ts';
import { installTestHooks } from './test-hooks.ts';

function pageLang(): Lang | null {
  const code = (document.documentElement.lang || '').slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(code) ? (code as Lang) : null;
}

function answerMentions(): MentionsResponse {
  return { url: location.href, lang: pageLang(), published: null, mentions: [] };
}

if (window === window.top) {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isContentRequest(message) || message.type !== 'csto-lens/mentions') return undefined;
    return Promise.resolve(answerMentions());
  });
  if (__TEST_BUILD__) installTestHooks(answerMentions);
}
