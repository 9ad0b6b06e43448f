// Reads the model files nsfwjs ships: small UMD modules wrapping a TF.js layers-model JSON (topology +
// weights manifest) and the weight bytes as base64. Shared by convert.mjs and reference.mjs.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

export const NSFWJS_VERSION = "4.3.0";
export const MODEL_DIR = "dist/models/mobilenet_v2";

// The bundles are JS object literals, not JSON, so they are evaluated, in an empty context whose only
// globals are the CommonJS `module`/`exports` the UMD wrapper looks for. The result is copied through
// JSON into this realm: TF.js tests `instanceof Array`, which fails for the other context's arrays.
function evaluate_umd(file) {
    const module = { exports: {} };
    vm.runInNewContext(fs.readFileSync(file, "utf8"), { module, exports: module.exports }, { filename: file });
    return JSON.parse(JSON.stringify(module.exports));
}

// Returns { modelJson, weightData (Uint8Array of all shards, manifest order), files }.
export function read_model(package_dir) {
    const dir = path.join(package_dir, MODEL_DIR);
    const model_file = path.join(dir, "model.min.js");
    if (!fs.existsSync(model_file)) throw new Error(`${model_file}: not found (is ${package_dir} an extracted nsfwjs package?)`);
    const modelJson = evaluate_umd(model_file);
    if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest))
        throw new Error(`${model_file}: no modelTopology/weightsManifest`);
    const files = [model_file];
    const chunks = [];
    for (const group of modelJson.weightsManifest) {
        for (const shard of group.paths) {
            const file = path.join(dir, `${shard}.min.js`);
            const base64 = evaluate_umd(file);
            if (typeof base64 !== "string") throw new Error(`${file}: expected a base64 string`);
            chunks.push(Buffer.from(base64, "base64"));
            files.push(file);
        }
    }
    const weightData = new Uint8Array(Buffer.concat(chunks));
    return { modelJson, weightData, files };
}

export function weight_specs(modelJson) {
    return modelJson.weightsManifest.flatMap((group) => group.weights);
}
