/**
 * Command recording: dispatches, copies and clears go into one command encoder (consecutive dispatches share one
 * compute pass; WebGPU orders their memory accesses) until `submit`, so a whole training step is one or a few
 * queue submissions. Random ops' seeds go into a ring of uniform slots bound with dynamic offsets; the ring's used
 * slots are written right before the submit that reads them (queue order keeps earlier submits' seeds intact).
 */

/** Seed slots per submit; a submit is forced when they run out. */
const SEED_SLOTS = 256;

export class CommandRecorder {
  private encoder: GPUCommandEncoder | undefined;
  private pass: GPUComputePassEncoder | undefined;
  private readonly afterSubmit: (() => void)[] = [];
  private readonly seedRing: GPUBuffer;
  private readonly seedWords: Uint32Array;
  private seedsUsed = 0;

  constructor(private readonly device: GPUDevice, private readonly uniformStride: number) {
    this.seedRing = device.createBuffer({ label: 'seeds', size: SEED_SLOTS * uniformStride, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    this.seedWords = new Uint32Array((SEED_SLOTS * uniformStride) / 4);
  }

  /** The buffer seeds are bound from, with the dynamic offset of each dispatch's slot. */
  get seedBuffer(): GPUBuffer {
    return this.seedRing;
  }

  get hasWork(): boolean {
    return this.encoder !== undefined;
  }

  /** The dynamic offset of a new seed slot holding `seed`; may submit the work so far when the ring is full. */
  seedOffset(seed: number): number {
    if (this.seedsUsed === SEED_SLOTS) this.submit();
    const offset = this.seedsUsed++ * this.uniformStride;
    this.seedWords[offset / 4] = seed >>> 0;
    return offset;
  }

  /** The open encoder, outside any compute pass (for copies and clears). */
  commands(): GPUCommandEncoder {
    if (this.pass) {
      this.pass.end();
      this.pass = undefined;
    }
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  dispatch(pipeline: GPUComputePipeline, bindGroup: GPUBindGroup, dynamicOffsets: readonly number[], workgroups: readonly [number, number, number]): void {
    if (!this.pass) this.pass = this.commands().beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup, dynamicOffsets);
    this.pass.dispatchWorkgroups(workgroups[0], workgroups[1], workgroups[2]);
  }

  copy(from: GPUBuffer, to: GPUBuffer, bytes: number): void {
    this.commands().copyBufferToBuffer(from, 0, to, 0, bytes);
  }

  clear(buffer: GPUBuffer, bytes: number): void {
    this.commands().clearBuffer(buffer, 0, bytes);
  }

  /** Runs `action` once the recorded work has been submitted (destroying buffers it uses, for instance). */
  afterNextSubmit(action: () => void): void {
    if (this.encoder) this.afterSubmit.push(action);
    else action();
  }

  /** Submits everything recorded so far (nothing when there is nothing). */
  submit(): void {
    const encoder = this.commands();
    if (this.seedsUsed > 0) {
      this.device.queue.writeBuffer(this.seedRing, 0, this.seedWords, 0, (this.seedsUsed * this.uniformStride) / 4);
      this.seedsUsed = 0;
    }
    this.device.queue.submit([encoder.finish()]);
    this.encoder = undefined;
    for (const action of this.afterSubmit.splice(0)) action();
  }

  dispose(): void {
    this.pass?.end();
    this.pass = undefined;
    this.encoder = undefined;
    this.afterSubmit.length = 0;
    this.seedRing.destroy();
  }
}
