/**
 * WebGPU in Node, through the `webgpu` package (Google's Dawn, prebuilt). It is imported only here, dynamically and
 * under a computed name, so browser bundles never include it. Dawn uses the system's Vulkan drivers; with
 * `softwareFallback`, a machine whose drivers give no adapter retries on SwiftShader (software-vulkan.ts), which the
 * Vulkan loader picks up from VK_ICD_FILENAMES when a new Dawn instance starts.
 */
import { findSoftwareVulkan } from './software-vulkan.ts';

type WebGpuModule = typeof import('webgpu');

export const isNode = (): boolean => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function loadDawn(): Promise<WebGpuModule> {
  const name = 'webgpu';
  try {
    return (await import(/* @vite-ignore */ name)) as WebGpuModule;
  } catch (error) {
    throw new Error(`the "webgpu" package (Dawn for Node) cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Dawn's WebGPU globals (GPUBufferUsage, GPUMapMode, …) that this process lacks, installed once. */
function installGlobals(dawn: WebGpuModule): void {
  for (const [key, value] of Object.entries(dawn.globals)) {
    if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
  }
}

export interface NodeAdapter {
  readonly adapter: GPUAdapter | null;
  /** Why there is no adapter, or how it was found (the software fallback). */
  readonly note: string;
}

/** The Dawn instance that gave an adapter, reused by later backends (each instance holds a Vulkan instance). */
let working: { readonly gpu: GPU; readonly note: string } | undefined;

export async function requestNodeAdapter(options: { readonly softwareFallback: boolean; readonly powerPreference?: GPUPowerPreference }): Promise<NodeAdapter> {
  const preference = options.powerPreference ? { powerPreference: options.powerPreference } : undefined;
  if (working) return { adapter: await working.gpu.requestAdapter(preference), note: working.note };
  const dawn = await loadDawn();
  installGlobals(dawn);
  const flags = process.platform === 'linux' ? ['backend=vulkan'] : [];
  const attempt = async (note: string): Promise<NodeAdapter> => {
    const gpu = dawn.create(flags);
    const adapter = await gpu.requestAdapter(preference);
    if (adapter) working = { gpu, note };
    return { adapter, note };
  };
  const system = await attempt('system driver');
  if (system.adapter) return system;
  if (!options.softwareFallback) return { adapter: null, note: 'no Vulkan driver of this machine offers a WebGPU adapter' };
  if (process.env['VK_ICD_FILENAMES']) return { adapter: null, note: `no adapter from the Vulkan driver in VK_ICD_FILENAMES (${process.env['VK_ICD_FILENAMES']})` };
  const manifest = await findSoftwareVulkan();
  if (!manifest) return { adapter: null, note: 'no GPU driver offers an adapter, and no SwiftShader (Chromium\'s software Vulkan) is installed to fall back on' };
  process.env['VK_ICD_FILENAMES'] = manifest;
  const software = await attempt(`software fallback: SwiftShader from ${manifest}`);
  return software.adapter ? software : { adapter: null, note: `SwiftShader (${manifest}) offers no adapter either` };
}
