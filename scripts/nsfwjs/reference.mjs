// Runs the original nsfwjs MobileNetV2 with TF.js (pure-JS CPU backend) and records the three feature
// stages Kensa uses, as the reference for tests/parity_tfjs.
//
// usage: node reference.mjs <tfjs install dir> <extracted nsfwjs package dir> <photo.png> <output.safetensors>
//
// The model is loaded by TF.js's own loader from nsfwjs's files (its own dequantisation, its own layer
// implementations), so the comparison also checks convert.mjs. Two cases, all inputs RGB in [0, 1] as
// nsfwjs feeds them (pixels / 255):
//   a: [2, 224, 224] — the photo resized, and a seeded pattern of smooth waves plus noise;
//   b: [1, 192, 288] — the photo at another, non-square size (checks padding and strides).
// Output tensors (NCHW): a.input, a.<stage>, b.input, b.<stage>.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

import { read_model, weight_specs, NSFWJS_VERSION } from "./nsfwjs_bundle.mjs";
import { write_safetensors } from "./safetensors.mjs";

const STAGES = ["block_2_add", "block_5_add", "block_10_project_BN"];

const [tfjs_dir, package_dir, photo, output] = process.argv.slice(2);
if (!output) {
    console.error("usage: node reference.mjs <tfjs install dir> <nsfwjs package dir> <photo.png> <output.safetensors>");
    process.exit(2);
}
const require = createRequire(path.join(path.resolve(tfjs_dir), "package.json"));
const tf = require("@tensorflow/tfjs");
const { PNG } = require("pngjs");

// mulberry32: a small seeded generator, so the pattern is the same on every machine.
function random(seed) {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function pattern(h, w, seed) {
    const rand = random(seed);
    const values = new Float32Array(h * w * 3);
    const f = [0.05, 0.11, 0.023];
    for (let y = 0; y < h; ++y)
        for (let x = 0; x < w; ++x)
            for (let c = 0; c < 3; ++c) {
                const wave = 0.5 + 0.35 * Math.sin(f[c] * x + 0.07 * y * (c + 1)) * Math.cos(0.03 * (x - y) + c);
                values[(y * w + x) * 3 + c] = Math.min(1, Math.max(0, wave + 0.15 * (rand() - 0.5)));
            }
    return tf.tensor3d(values, [h, w, 3]);
}

function read_photo(file) {
    const png = PNG.sync.read(fs.readFileSync(file));
    const rgb = new Float32Array(png.width * png.height * 3);
    for (let i = 0; i < png.width * png.height; ++i)
        for (let c = 0; c < 3; ++c) rgb[i * 3 + c] = png.data[i * 4 + c] / 255;
    return tf.tensor3d(rgb, [png.height, png.width, 3]);
}

// NHWC -> NCHW Float32Array.
async function nchw(t) {
    const data = await tf.transpose(t, [0, 3, 1, 2]).data();
    const [n, h, w, c] = t.shape;
    return { data: new Float32Array(data), shape: [n, c, h, w] };
}

// The stages of the model as shipped (input fixed at 224x224), and of a copy of its topology cut after the
// last stage with a free input size. The cut copy loads non-strictly (it lacks the head's weights), so it
// must reproduce the shipped model's stages exactly before it is trusted with case b.
async function load_models() {
    const { modelJson, weightData } = read_model(package_dir);
    const artifacts = (modelTopology) =>
        tf.io.fromMemory({ modelTopology, weightSpecs: weight_specs(modelJson), weightData: weightData.buffer });
    const full = await tf.loadLayersModel(artifacts(modelJson.modelTopology));
    const shipped = tf.model({ inputs: full.inputs, outputs: STAGES.map((n) => full.getLayer(n).output) });

    const topology = structuredClone(modelJson.modelTopology);
    const config = topology.model_config.config;
    config.layers = config.layers.slice(0, config.layers.findIndex((l) => l.name === STAGES.at(-1)) + 1);
    config.layers[0].config.batch_input_shape = [null, null, null, 3];
    config.output_layers = STAGES.map((n) => [n, 0, 0]);
    const cut = await tf.loadLayersModel(artifacts(topology), { strict: false });
    return { shipped, cut };
}

function max_abs_diff(a, b) {
    let m = 0;
    for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
}

async function main() {
    await tf.setBackend("cpu");
    const { shipped, cut } = await load_models();

    const photo_rgb = read_photo(photo);
    const cases = {
        a: { model: shipped, input: tf.stack([tf.image.resizeBilinear(photo_rgb, [224, 224], false, true), pattern(224, 224, 1234)]) },
        b: { model: cut, input: tf.image.resizeBilinear(photo_rgb, [192, 288], false, true).expandDims(0) },
    };
    const tensors = new Map();
    for (const [name, { model, input }] of Object.entries(cases)) {
        tensors.set(`${name}.input`, await nchw(input));
        const outputs = model.predict(input);
        for (let i = 0; i < STAGES.length; ++i) tensors.set(`${name}.${STAGES[i]}`, await nchw(outputs[i]));
    }
    const check = cut.predict(cases.a.input);
    for (let i = 0; i < STAGES.length; ++i) {
        const d = max_abs_diff(await check[i].data(), await shipped.predict(cases.a.input)[i].data());
        if (d !== 0) throw new Error(`the cut model differs from the shipped one at ${STAGES[i]} by ${d}`);
    }
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    write_safetensors(output, tensors, {
        model: `npm nsfwjs@${NSFWJS_VERSION} mobilenet_v2`,
        runtime: `@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`,
        photo: path.basename(photo),
    });
    console.log(`wrote ${output} (${tensors.size} tensors, tfjs ${tf.version.tfjs} ${tf.getBackend()})`);
}

main().catch((e) => {
    console.error(`reference.mjs: ${e.stack || e.message}`);
    process.exit(1);
});
