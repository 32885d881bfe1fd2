// A Chromium with a built extension and a static server, as most browser tests open them before a describe block.
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DIST, FIXTURES } from './paths.ts';

type LaunchOptions = Parameters<typeof launchWithExtension>[1];

/** The static server over `roots` (the fixtures by default), then Chromium with the build in `dist`. */
export async function openChromium(
  roots: Record<string, string> = { '/': FIXTURES },
  dist = DIST,
  options?: LaunchOptions,
): Promise<{ browser: ExtensionBrowser; server: StaticServer }> {
  const server = await startStaticServer(roots);
  return { server, browser: await launchWithExtension(dist, options) };
}

/** Close a browser and a server opened before a describe block (either may be missing when its launch failed). */
export async function closeChromium(browser: { close(): Promise<unknown> } | undefined, server: StaticServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}
