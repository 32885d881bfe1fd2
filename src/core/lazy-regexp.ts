// A RegExp made on its first test. A Unicode property class (\p{L}…) costs about a millisecond to build, and every
// page's content script loads the modules that hold them, while most pages never test a text that needs one.

export function lazyRegExp(make: () => RegExp): { test(text: string): boolean } {
  let regExp: RegExp | null = null;
  return { test: (text) => (regExp ??= make()).test(text) };
}
