// Minimal safetensors writer (https://github.com/huggingface/safetensors): u64 little-endian header
// length, a JSON header, then the raw little-endian tensor bytes. Written to a temporary name and renamed,
// so readers never see a partial file.
import fs from "node:fs";

const DTYPES = new Map([
    [Float32Array, "F32"],
    [BigInt64Array, "I64"],
]);

// tensors: Map or object name -> { data: Float32Array | BigInt64Array, shape: number[] }.
export function write_safetensors(file, tensors, metadata = {}) {
    const entries = [...(tensors instanceof Map ? tensors.entries() : Object.entries(tensors))].sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
    );
    const header = {};
    let offset = 0;
    for (const [name, { data, shape }] of entries) {
        const dtype = DTYPES.get(data.constructor);
        if (!dtype) throw new Error(`${name}: unsupported array type ${data.constructor.name}`);
        const numel = shape.reduce((a, b) => a * b, 1);
        if (numel !== data.length) throw new Error(`${name}: shape [${shape}] does not match ${data.length} values`);
        header[name] = { dtype, shape, data_offsets: [offset, offset + data.byteLength] };
        offset += data.byteLength;
    }
    header.__metadata__ = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, String(v)]));
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const json_bytes = Buffer.concat([json, Buffer.alloc((8 - (json.length % 8)) % 8, " ")]);  // 8-byte aligned data
    const prefix = Buffer.alloc(8);
    prefix.writeBigUInt64LE(BigInt(json_bytes.length));
    const parts = [prefix, json_bytes];
    for (const [, { data }] of entries) parts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));

    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, Buffer.concat(parts));
    fs.renameSync(tmp, file);
}
