// Growable typed-array columns: findings are appended as the clock advances, and columns
// keep the per-finding cost to a few dozen bytes even at a million findings.

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type Ctor<T extends TypedArray> = new (n: number) => T;

export class Column<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(private readonly ctor: Ctor<T>, capacity = 1024) {
    this.data = new ctor(Math.max(16, capacity));
  }
  push(v: number): number {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length] = v;
    return this.length++;
  }
  reserve(n: number): void {
    if (n > this.data.length) this.grow(n);
  }
  private grow(n: number): void {
    const next = new this.ctor(n);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }
}

export const u8 = (cap?: number) => new Column(Uint8Array, cap);
export const u32 = (cap?: number) => new Column(Uint32Array, cap);
export const i32 = (cap?: number) => new Column(Int32Array, cap);
export const f64 = (cap?: number) => new Column(Float64Array, cap);
