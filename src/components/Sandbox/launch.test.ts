import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

const embedProject = vi.fn();
const openProject = vi.fn();
vi.mock('@stackblitz/sdk', () => ({default: {embedProject, openProject}}));

const {embedSandbox, loadSandbox, openInNewTab, SandboxUnreachable, EMBED_TIMEOUT_MS} = await import('./launch');
type SandboxAsset = import('./launch').SandboxAsset;

const asset: SandboxAsset = {
  phase: '02-before-fix',
  openFile: 'src/payment/paymentProcessor.js',
  project: {
    title: 't',
    description: 'd',
    template: 'node',
    files: {'package.json': '{}\n', 'src/payment/paymentProcessor.js': 'x\n'},
  },
};

/** Just enough DOM for embedSandbox: a host whose children we can see, and an iframe the SDK "creates". */
function fakeHost() {
  const listeners: Record<string, () => void> = {};
  const frame = {title: '', addEventListener: (type: string, fn: () => void) => (listeners[type] = fn)};
  const children: unknown[] = [];
  const host = {
    children,
    frameCreated: false,
    ownerDocument: {createElement: (tag: string) => ({tag})},
    replaceChildren: () => children.splice(0),
    append: (child: unknown) => children.push(child),
    querySelector: (selector: string) => (selector === 'iframe' && host.frameCreated ? frame : null),
  };
  return {host, frame, listeners};
}

const fetchAsset = (async () => new Response(JSON.stringify(asset))) as unknown as typeof fetch;

beforeEach(() => {
  embedProject.mockReset();
  openProject.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('loadSandbox', () => {
  it('imports the SDK and fetches the phase asset', async () => {
    const fetchSpy = vi.fn(fetchAsset);
    const loaded = await loadSandbox('/en/sandbox/02-before-fix.json', fetchSpy);
    expect(fetchSpy).toHaveBeenCalledWith('/en/sandbox/02-before-fix.json');
    expect(loaded.asset).toStrictEqual(asset);
    expect(loaded.sdk.embedProject).toBe(embedProject);
  });

  it('fails when the asset is missing', async () => {
    const notFound = (async () => new Response('nope', {status: 404})) as unknown as typeof fetch;
    await expect(loadSandbox('/sandbox/x.json', notFound)).rejects.toThrow(/404/);
  });
});

describe('embedSandbox', () => {
  it('embeds into a child element it creates, with the node template, open file, terminal and a frame title', async () => {
    const {host, frame} = fakeHost();
    const vm = {id: 'vm'};
    embedProject.mockImplementation(() => {
      host.frameCreated = true;
      return Promise.resolve(vm);
    });
    const loaded = await loadSandbox('/sandbox/02-before-fix.json', fetchAsset);
    const result = await embedSandbox({
      ...loaded,
      host: host as unknown as HTMLElement,
      frameTitle: 'StackBlitz sandbox: phase 02-before-fix',
      theme: 'dark',
    });
    expect(result).toBe(vm);
    expect(embedProject).toHaveBeenCalledTimes(1);
    const [target, project, options] = embedProject.mock.calls[0] ?? [];
    expect(target).toStrictEqual({tag: 'div'});
    expect(host.children).toContain(target);
    expect(project).toStrictEqual(asset.project);
    expect(project.template).toBe('node');
    expect(options).toMatchObject({
      openFile: 'src/payment/paymentProcessor.js',
      view: 'default',
      terminalHeight: expect.any(Number),
      theme: 'dark',
    });
    expect(options.terminalHeight).toBeGreaterThan(0);
    expect(options).not.toHaveProperty('newWindow');
    expect(frame.title).toBe('StackBlitz sandbox: phase 02-before-fix');
  });

  it('gives up after its own timeout, before the SDK would, and removes the frame', async () => {
    vi.useFakeTimers();
    const {host} = fakeHost();
    embedProject.mockImplementation(() => {
      host.frameCreated = true;
      return new Promise(() => {});
    });
    const loaded = await loadSandbox('/sandbox/02-before-fix.json', fetchAsset);
    const embedding = embedSandbox({...loaded, host: host as unknown as HTMLElement, frameTitle: 't', theme: 'light'});
    const outcome = expect(embedding).rejects.toBeInstanceOf(SandboxUnreachable);
    expect(EMBED_TIMEOUT_MS).toBeLessThan(10_000);
    await vi.advanceTimersByTimeAsync(EMBED_TIMEOUT_MS);
    await outcome;
    expect(host.children).toHaveLength(0);
  });

  it('gives up at once when the reachability probe fails or the frame errors', async () => {
    for (const trigger of ['probe', 'frame'] as const) {
      const {host, listeners} = fakeHost();
      embedProject.mockImplementation(() => {
        host.frameCreated = true;
        return new Promise(() => {});
      });
      const loaded = await loadSandbox('/sandbox/02-before-fix.json', fetchAsset);
      const embedding = embedSandbox({
        ...loaded,
        host: host as unknown as HTMLElement,
        frameTitle: 't',
        theme: 'light',
        probe: () => (trigger === 'probe' ? Promise.reject(new TypeError('Failed to fetch')) : new Promise(() => {})),
      });
      if (trigger === 'frame') listeners.error?.();
      await expect(embedding).rejects.toBeInstanceOf(SandboxUnreachable);
      expect(host.children).toHaveLength(0);
    }
  });

  it('turns an SDK rejection into SandboxUnreachable with no frame left', async () => {
    const {host} = fakeHost();
    embedProject.mockImplementation(() => {
      host.frameCreated = true;
      return Promise.reject('Timeout: Unable to establish a connection with the StackBlitz VM');
    });
    const loaded = await loadSandbox('/sandbox/02-before-fix.json', fetchAsset);
    await expect(
      embedSandbox({...loaded, host: host as unknown as HTMLElement, frameTitle: 't', theme: 'light'}),
    ).rejects.toThrow(/Unable to establish/);
    expect(host.children).toHaveLength(0);
  });
});

describe('openInNewTab', () => {
  it('opens the same project in a new window with the phase file open', async () => {
    const loaded = await loadSandbox('/sandbox/02-before-fix.json', fetchAsset);
    openInNewTab(loaded, 'light');
    expect(openProject).toHaveBeenCalledTimes(1);
    expect(openProject).toHaveBeenCalledWith(asset.project, {
      newWindow: true,
      openFile: 'src/payment/paymentProcessor.js',
      terminalHeight: expect.any(Number),
      theme: 'light',
    });
  });
});
