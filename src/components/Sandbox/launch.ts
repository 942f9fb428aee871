/**
 * What the Sandbox card does after a click, kept out of React so it can be tested with the SDK
 * mocked: load the SDK and the phase's asset (never before the click), embed the project in a
 * child element of `host` (the SDK replaces the element it is given), give up after a few seconds
 * when StackBlitz cannot be reached, and open the project in a new tab.
 */
import type {EmbedOptions, OpenOptions, Project, VM} from '@stackblitz/sdk';

export type StackBlitzSdk = typeof import('@stackblitz/sdk').default;

/** `sandbox/<phase>.json`, written by the sandbox-projects plugin. */
export interface SandboxAsset {
  phase: string;
  openFile: string;
  project: Project;
}

export interface LoadedSandbox {
  sdk: StackBlitzSdk;
  asset: SandboxAsset;
}

export type UiTheme = 'light' | 'dark';

/** The SDK itself rejects only after 10 s of unanswered pings; a learner should not wait that long. */
export const EMBED_TIMEOUT_MS = 8000;
/** Share of the embed's height given to the terminal, so `npm run demo` output is visible. */
export const TERMINAL_HEIGHT = 45;
export const EMBED_HEIGHT = 560;

export class SandboxUnreachable extends Error {
  constructor(reason: string) {
    super(`StackBlitz could not be reached: ${reason}`);
    this.name = 'SandboxUnreachable';
  }
}

export function embedOptions(asset: SandboxAsset, theme: UiTheme): EmbedOptions {
  return {
    openFile: asset.openFile,
    // 'default' shows the editor and the preview; the terminal sits below at TERMINAL_HEIGHT %.
    view: 'default',
    terminalHeight: TERMINAL_HEIGHT,
    height: EMBED_HEIGHT,
    theme,
  };
}

export function openOptions(asset: SandboxAsset, theme: UiTheme): OpenOptions {
  return {newWindow: true, openFile: asset.openFile, terminalHeight: TERMINAL_HEIGHT, theme};
}

export async function loadSandbox(assetUrl: string, fetchImpl: typeof fetch = fetch): Promise<LoadedSandbox> {
  const [sdkModule, asset] = await Promise.all([
    import('@stackblitz/sdk'),
    fetchImpl(assetUrl).then(async (response) => {
      if (!response.ok) throw new Error(`${assetUrl}: HTTP ${response.status}`);
      return (await response.json()) as SandboxAsset;
    }),
  ]);
  return {sdk: sdkModule.default, asset};
}

/** Cheap reachability check: rejects at once when offline or when stackblitz.com is blocked. */
export function probeStackBlitz(): Promise<unknown> {
  return fetch('https://stackblitz.com/', {method: 'HEAD', mode: 'no-cors', cache: 'no-store'});
}

export interface EmbedArgs extends LoadedSandbox {
  host: HTMLElement;
  frameTitle: string;
  theme: UiTheme;
  timeoutMs?: number;
  probe?: () => Promise<unknown>;
}

/**
 * Embeds the project in a new child of `host`. Resolves with the VM once StackBlitz answers;
 * rejects with SandboxUnreachable (and leaves `host` empty: no blank iframe) otherwise.
 */
export async function embedSandbox({
  sdk,
  asset,
  host,
  frameTitle,
  theme,
  timeoutMs = EMBED_TIMEOUT_MS,
  probe,
}: EmbedArgs): Promise<VM> {
  host.replaceChildren();
  const target = host.ownerDocument.createElement('div');
  host.append(target);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const vm = sdk.embedProject(target, asset.project, embedOptions(asset, theme));
    const frame = host.querySelector('iframe');
    if (frame) frame.title = frameTitle;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SandboxUnreachable(`no answer in ${timeoutMs} ms`)), timeoutMs);
      frame?.addEventListener('error', () => reject(new SandboxUnreachable('the frame failed to load')));
      probe?.().catch(() => reject(new SandboxUnreachable('stackblitz.com did not answer')));
    });
    return await Promise.race([vm, failure]);
  } catch (error) {
    host.replaceChildren();
    throw error instanceof SandboxUnreachable ? error : new SandboxUnreachable(String(error));
  } finally {
    clearTimeout(timer);
  }
}

export function openInNewTab({sdk, asset}: LoadedSandbox, theme: UiTheme): void {
  sdk.openProject(asset.project, openOptions(asset, theme));
}
