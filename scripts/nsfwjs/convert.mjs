// Converts the ImageNet-pretrained, frozen part of nsfwjs's MobileNetV2 (Conv1 .. block_10_project_BN)
// to a safetensors file whose tensor names are those of kensa::nn::MobileNetV2.
//
// usage: node convert.mjs <extracted nsfwjs package dir> <output.safetensors>
//
// The topology is checked against the architecture the C++ module implements, so a different model
// fails here with a clear message instead of producing wrong features.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { MODEL_DIR, NSFWJS_VERSION, read_model, weight_specs } from "./nsfwjs_bundle.mjs";
import { write_safetensors } from "./safetensors.mjs";

const FORMAT_VERSION = "1";
const BN_EPSILON = 1e-3;

// One conv + BN pair: Keras layer names, Kensa module path, and what the C++ module expects.
function conv_bn(keras, keras_bn, module, { cin, cout, kernel, stride, depthwise = false }) {
    return { keras, keras_bn, module, cin, cout, kernel, stride, depthwise };
}

// Keras MobileNetV2 (alpha 1.0): block 0 has no expansion; blocks 1..10 expand by 6.
function architecture() {
    const layers = [conv_bn("Conv1", "bn_Conv1", "stem", { cin: 3, cout: 32, kernel: 3, stride: 2 })];
    layers.push(conv_bn("expanded_conv_depthwise", "expanded_conv_depthwise_BN", "blocks.0.depthwise",
                        { cin: 32, cout: 32, kernel: 3, stride: 1, depthwise: true }));
    layers.push(conv_bn("expanded_conv_project", "expanded_conv_project_BN", "blocks.0.project",
                        { cin: 32, cout: 16, kernel: 1, stride: 1 }));
    const blocks = [[24, 2], [24, 1], [32, 2], [32, 1], [32, 1], [64, 2], [64, 1], [64, 1], [64, 1], [96, 1]];
    let cin = 16;
    const residual = [];
    blocks.forEach(([cout, stride], i) => {
        const n = i + 1, hidden = cin * 6, k = `block_${n}`, m = `blocks.${n}`;
        layers.push(conv_bn(`${k}_expand`, `${k}_expand_BN`, `${m}.expand`, { cin, cout: hidden, kernel: 1, stride: 1 }));
        layers.push(conv_bn(`${k}_depthwise`, `${k}_depthwise_BN`, `${m}.depthwise`,
                            { cin: hidden, cout: hidden, kernel: 3, stride, depthwise: true }));
        layers.push(conv_bn(`${k}_project`, `${k}_project_BN`, `${m}.project`, { cin: hidden, cout, kernel: 1, stride: 1 }));
        if (stride === 1 && cin === cout) residual.push(`${k}_add`);
        cin = cout;
    });
    return { layers, residual, last: "block_10_project_BN" };
}

function fail(msg) {
    throw new Error(`nsfwjs ${NSFWJS_VERSION} MobileNetV2 does not match the expected architecture: ${msg}`);
}

function expect(cond, msg) {
    if (!cond) fail(msg);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Checks every layer up to `last` against the architecture: kernel sizes, strides, widths, padding,
// BN epsilon, no biases, ReLU6 placement, residual adds, and that all of it was frozen (ImageNet weights).
function check_topology(keras_layers, arch) {
    const by_name = new Map(keras_layers.map((l) => [l.name, l]));
    const get = (name, cls) => {
        const l = by_name.get(name);
        expect(l, `layer ${name} is missing`);
        expect(l.class_name === cls, `${name} is a ${l.class_name}, expected ${cls}`);
        return l.config;
    };
    const end = keras_layers.findIndex((l) => l.name === arch.last);
    expect(end > 0, `layer ${arch.last} is missing`);
    for (const l of keras_layers.slice(1, end + 1)) expect(l.config.trainable === false, `${l.name} was fine-tuned`);

    for (const a of arch.layers) {
        const c = get(a.keras, a.depthwise ? "DepthwiseConv2D" : "Conv2D");
        expect(same(c.kernel_size, [a.kernel, a.kernel]), `${a.keras} kernel ${c.kernel_size}`);
        expect(same(c.strides, [a.stride, a.stride]), `${a.keras} strides ${c.strides}`);
        expect(same(c.dilation_rate, [1, 1]) && c.use_bias === false && c.activation === "linear",
               `${a.keras} has dilation, bias or activation`);
        if (a.depthwise) expect(c.depth_multiplier === 1, `${a.keras} depth_multiplier ${c.depth_multiplier}`);
        else expect(c.filters === a.cout, `${a.keras} has ${c.filters} filters, expected ${a.cout}`);
        if (a.stride === 2) {
            // Keras pads stride-2 convs on the right/bottom only; the C++ module does the same.
            expect(c.padding === "valid", `${a.keras} padding ${c.padding}`);
            const pad_name = a.keras === "Conv1" ? "Conv1_pad" : a.keras.replace("_depthwise", "_pad");
            expect(same(get(pad_name, "ZeroPadding2D").padding, [[0, 1], [0, 1]]), `${pad_name} is not right/bottom`);
        } else {
            expect(c.padding === "same", `${a.keras} padding ${c.padding}`);
        }
        const bn = get(a.keras_bn, "BatchNormalization");
        expect(bn.epsilon === BN_EPSILON && bn.center && bn.scale && (bn.axis === -1 || bn.axis === 3),
               `${a.keras_bn} epsilon ${bn.epsilon}`);
        if (!a.module.endsWith(".project")) {
            const relu_name = a.keras === "Conv1" ? "Conv1_relu" : a.keras_bn.replace(/_BN$/, "_relu");
            const relu = get(relu_name, "ReLU");
            expect(relu.max_value === 6 && !relu.negative_slope && !relu.threshold, `${relu_name} is not ReLU6`);
        }
    }
    for (const name of arch.residual) get(name, "Add");
}

// q * scale + min in double precision, rounded once to float32 (as TF.js's own loader does).
function decode(spec, bytes, offset) {
    const numel = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization;
    expect(spec.dtype === "float32", `${spec.name} has dtype ${spec.dtype}`);
    if (!q) {
        const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + numel * 4));
        return { values, size: numel * 4 };
    }
    const width = { uint8: 1, uint16: 2 }[q.dtype];
    expect(width && "scale" in q && "min" in q, `${spec.name} has unsupported quantisation ${JSON.stringify(q)}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset, numel * width);
    const values = new Float32Array(numel);
    for (let i = 0; i < numel; ++i) {
        const v = width === 1 ? view.getUint8(i) : view.getUint16(i * 2, true);
        values[i] = v * q.scale + q.min;
    }
    return { values, size: numel * width };
}

// Keras HWIO [kh, kw, in, out] -> OIHW; depthwise [kh, kw, C, 1] -> [C, 1, kh, kw].
function to_oihw(values, [kh, kw, cin, cout], depthwise) {
    const out_ch = depthwise ? cin : cout, in_ch = depthwise ? 1 : cin;
    const out = new Float32Array(values.length);
    for (let h = 0; h < kh; ++h)
        for (let w = 0; w < kw; ++w)
            for (let i = 0; i < cin; ++i)
                for (let o = 0; o < cout; ++o) {
                    const src = ((h * kw + w) * cin + i) * cout + o;
                    const [oo, ii] = depthwise ? [i, 0] : [o, i];
                    out[((oo * in_ch + ii) * kh + h) * kw + w] = values[src];
                }
    return { data: out, shape: [out_ch, in_ch, kh, kw] };
}

function convert(package_dir, output) {
    const { modelJson, weightData, files } = read_model(package_dir);
    const arch = architecture();
    check_topology(modelJson.modelTopology.model_config.config.layers, arch);

    const keras = new Map();
    let offset = 0;
    for (const spec of weight_specs(modelJson)) {
        const { values, size } = decode(spec, weightData, offset);
        keras.set(spec.name, { values, shape: spec.shape });
        offset += size;
    }
    expect(offset === weightData.length, `manifest covers ${offset} of ${weightData.length} weight bytes`);

    const take = (name, shape) => {
        const w = keras.get(name);
        expect(w, `weight ${name} is missing`);
        expect(same(w.shape, shape), `${name} has shape [${w.shape}], expected [${shape}]`);
        return w.values;
    };
    const tensors = new Map();
    for (const a of arch.layers) {
        const kshape = [a.kernel, a.kernel, a.cin, a.depthwise ? 1 : a.cout];
        const kernel = take(`${a.keras}/${a.depthwise ? "depthwise_kernel" : "kernel"}`, kshape);
        tensors.set(`${a.module}.conv.weight`, to_oihw(kernel, kshape, a.depthwise));
        const bn = { gamma: "weight", beta: "bias", moving_mean: "running_mean", moving_variance: "running_var" };
        for (const [k, t] of Object.entries(bn))
            tensors.set(`${a.module}.bn.${t}`, { data: take(`${a.keras_bn}/${k}`, [a.cout]), shape: [a.cout] });
        tensors.set(`${a.module}.bn.num_batches_tracked`, { data: new BigInt64Array(1), shape: [] });
    }

    const sha256 = (f) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
    write_safetensors(output, tensors, {
        format: "kensa-backbone",
        format_version: FORMAT_VERSION,
        architecture: "mobilenet_v2",
        layers: "Conv1 .. block_10_project_BN (ImageNet weights, frozen in nsfwjs)",
        input: "RGB in [0, 1], NCHW",
        source: `npm nsfwjs@${NSFWJS_VERSION} ${MODEL_DIR}`,
        source_sha256: files.map((f) => `${path.basename(f)}:${sha256(f)}`).join(" "),
        license: "MIT (nsfwjs, Copyright (c) 2019 Infinite Red, Inc.)",
        converter: "scripts/nsfwjs/convert.mjs",
    });
    return tensors.size;
}

const [package_dir, output] = process.argv.slice(2);
if (!package_dir || !output) {
    console.error("usage: node convert.mjs <extracted nsfwjs package dir> <output.safetensors>");
    process.exit(2);
}
try {
    const n = convert(package_dir, output);
    console.log(`wrote ${output} (${n} tensors)`);
} catch (e) {
    console.error(`convert.mjs: ${e.message}`);
    process.exit(1);
}
