/**
 * Compiled shaders, cached by their source: kernels for the same shapes share one pipeline. Bind group layouts are
 * explicit (not 'auto') because the seed and index-check bindings use dynamic offsets, and are cached by the kinds
 * of their bindings.
 */
import type { BindingSource } from './kernel-spec.ts';

export interface CompiledShader {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

const ENTRY_OF: { readonly [K in BindingSource['kind']]: GPUBufferBindingLayout } = {
  input: { type: 'read-only-storage' },
  table: { type: 'read-only-storage' },
  output: { type: 'storage' },
  seed: { type: 'uniform', hasDynamicOffset: true },
  check: { type: 'storage', hasDynamicOffset: true },
  scratch: { type: 'storage' },
};

export class PipelineCache {
  private readonly layouts = new Map<string, { bindGroup: GPUBindGroupLayout; pipeline: GPUPipelineLayout }>();
  private readonly shaders = new Map<string, CompiledShader>();

  constructor(private readonly device: GPUDevice) {}

  private layoutFor(bindings: readonly BindingSource[]) {
    const key = bindings.map((b) => b.kind).join(',');
    let layout = this.layouts.get(key);
    if (!layout) {
      const bindGroup = this.device.createBindGroupLayout({
        label: key,
        entries: bindings.map((b, binding) => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: ENTRY_OF[b.kind] })),
      });
      layout = { bindGroup, pipeline: this.device.createPipelineLayout({ bindGroupLayouts: [bindGroup] }) };
      this.layouts.set(key, layout);
    }
    return layout;
  }

  compile(shader: string, bindings: readonly BindingSource[], label: string): CompiledShader {
    let compiled = this.shaders.get(shader);
    if (!compiled) {
      const layout = this.layoutFor(bindings);
      const module = this.device.createShaderModule({ label, code: shader });
      compiled = {
        pipeline: this.device.createComputePipeline({ label, layout: layout.pipeline, compute: { module, entryPoint: 'main' } }),
        layout: layout.bindGroup,
      };
      this.shaders.set(shader, compiled);
    }
    return compiled;
  }

  get size(): number {
    return this.shaders.size;
  }
}
